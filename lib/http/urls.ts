import { config } from "@/lib/config";

/** Absolute URL of an app path, from APP_URL (never from the request's Host header). */
export function absoluteUrl(pathWithQuery: string): string {
  return `${config.appUrl}${pathWithQuery.startsWith("/") ? "" : "/"}${pathWithQuery}`;
}

/**
 * A same-origin path to return to after sign-in, or the fallback. Rejects absolute URLs,
 * protocol-relative "//host" and backslash tricks, so `next` can never send a user off-site.
 */
/** The links the app mails, in one place: each carries a single-use token. */
export const emailLinks = {
  verifyEmail: (token: string) => absoluteUrl(`/verify-email?token=${encodeURIComponent(token)}`),
  resetPassword: (token: string) => absoluteUrl(`/reset-password?token=${encodeURIComponent(token)}`),
  invitation: (token: string) => absoluteUrl(`/invite/${encodeURIComponent(token)}`),
};

export function safeNextPath(next: string | null | undefined, fallback = "/dashboard"): string {
  if (!next || typeof next !== "string" || next.length > 2048) return fallback;
  if (!next.startsWith("/") || next.startsWith("//") || next.includes("\\")) return fallback;
  if (/[\u0000-\u001f]/.test(next)) return fallback;
  try {
    const url = new URL(next, "http://placeholder.invalid");
    if (url.origin !== "http://placeholder.invalid") return fallback;
    // Parsing removes dot segments ("/.//evil.com" becomes "//evil.com"): check the result again.
    const out = `${url.pathname}${url.search}${url.hash}`;
    if (out.startsWith("//") || out.includes("\\")) return fallback;
    return out;
  } catch {
    return fallback;
  }
}
