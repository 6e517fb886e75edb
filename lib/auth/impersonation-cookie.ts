// The admin's way back from an impersonation (lib/data/impersonation). While an admin acts as
// someone, the browser's session cookie carries the impersonation session; the admin's own session
// token waits in this cookie until "stop". Its value is encrypted and authenticated like the session
// cookie's (lib/auth/session-jwt.ts: JWE dir/A256CBC-HS512 under a key derived from AUTH_SECRET), with
// this cookie's name as the key's salt, so no session cookie value decrypts as one of these nor the
// other way round, and nobody without the secret can make or alter one. httpOnly, SameSite=Lax and
// Secure whenever the app is served over https, like the session cookie.
//
// A ticket is bound to the impersonation session it was issued with (the SHA-256 of that session's
// token): it counts only while the browser still holds that very session cookie. After a sign-out
// (which clears the session cookie) or with a copied ticket alone nothing can be resumed, and the
// admin's session inside it is validated again (alive, the one that started it) before it is
// restored (stop-impersonation.ts).
import "server-only";
import { cookies } from "next/headers";
import { secureCookies } from "@/lib/auth/cookie";
import { readSessionJwt, writeSessionJwt } from "@/lib/auth/session-jwt";

export const IMPERSONATION_COOKIE = `${secureCookies ? "__Host-" : ""}opsdeck.impersonator`;

const cookieOptions = { httpOnly: true, sameSite: "lax" as const, secure: secureCookies, path: "/" };

export type ImpersonationTicket = {
  /** The admin's own session token, to restore on "stop". */
  adminToken: string;
  /** The impersonation session this ticket belongs to. */
  impersonationSessionId: string;
  /** SHA-256 (hex) of the impersonation session's token: the ticket only counts beside that cookie. */
  impersonationTokenHash: string;
};

/**
 * Stores the ticket. It lives as long as the admin's own session could (at most `maxAgeSeconds`),
 * and, as the admin's session cookie did, ends with the browser unless that session was "remember me".
 */
export async function writeImpersonationCookie(
  ticket: ImpersonationTicket,
  options: { maxAgeSeconds: number; persistent: boolean },
): Promise<void> {
  const maxAge = Math.max(60, Math.floor(options.maxAgeSeconds));
  const claim = JSON.stringify({ a: ticket.adminToken, s: ticket.impersonationSessionId, h: ticket.impersonationTokenHash });
  const value = await writeSessionJwt(claim, maxAge, IMPERSONATION_COOKIE);
  (await cookies()).set(IMPERSONATION_COOKIE, value, options.persistent ? { ...cookieOptions, maxAge } : cookieOptions);
}

/** The ticket in a cookie value, or null when there is none or it does not decrypt, is expired or malformed. */
export async function ticketFromCookie(value: string | undefined): Promise<ImpersonationTicket | null> {
  const claim = await readSessionJwt(value, IMPERSONATION_COOKIE);
  if (!claim) return null;
  try {
    const parsed = JSON.parse(claim) as { a?: unknown; s?: unknown; h?: unknown };
    const ok = (v: unknown, max: number): v is string => typeof v === "string" && v.length > 0 && v.length <= max;
    if (!ok(parsed.a, 128) || !ok(parsed.s, 64) || !ok(parsed.h, 64)) return null;
    return { adminToken: parsed.a, impersonationSessionId: parsed.s, impersonationTokenHash: parsed.h };
  } catch {
    return null;
  }
}

/** This request's ticket, or null. */
export async function readImpersonationCookie(): Promise<ImpersonationTicket | null> {
  return ticketFromCookie((await cookies()).get(IMPERSONATION_COOKIE)?.value);
}

export async function clearImpersonationCookie(): Promise<void> {
  (await cookies()).set(IMPERSONATION_COOKIE, "", { ...cookieOptions, maxAge: 0 });
}
