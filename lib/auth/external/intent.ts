// The intent of an external sign-in, kept in a short-lived signed cookie from the moment the
// person clicks a provider button until the provider sends them back: what to do with the identity
// ("sign_in", or "link" to the signed-in account of one particular session) and where to go after.
// The callback trusts nothing else: a link happens only when the intent says so AND the request
// still carries that very session (lib/data/sign-in-methods/complete-external-sign-in.ts).
import "server-only";
import { createHmac } from "node:crypto";
import { z } from "zod";
import { derivedKey, safeEqual } from "@/lib/auth/crypto";
import { secureCookies } from "@/lib/auth/cookie";
import { isExternalProviderId, type ExternalProviderId } from "@/lib/auth/external/providers";

export const INTENT_COOKIE = `${secureCookies ? "__Host-" : ""}opsdeck.external-intent`;
/** Long enough to sign in at the provider, short enough to be useless when found later. */
export const INTENT_MAX_AGE_SECONDS = 10 * 60;

export type ExternalIntent =
  | { kind: "sign_in"; provider: ExternalProviderId; next: string | null }
  | { kind: "link"; provider: ExternalProviderId; sessionId: string };

const payloadSchema = z.object({
  k: z.enum(["sign_in", "link"]),
  p: z.string(),
  n: z.string().max(2048).nullable().optional(),
  s: z.string().max(64).optional(),
  e: z.number(),
});

function mac(body: string): string {
  return createHmac("sha256", derivedKey("external-intent")).update(body).digest("base64url");
}

export function encodeIntent(intent: ExternalIntent, now = Date.now()): string {
  const payload =
    intent.kind === "link"
      ? { k: intent.kind, p: intent.provider, s: intent.sessionId, e: now + INTENT_MAX_AGE_SECONDS * 1000 }
      : { k: intent.kind, p: intent.provider, n: intent.next, e: now + INTENT_MAX_AGE_SECONDS * 1000 };
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${body}.${mac(body)}`;
}

/** The intent in a cookie value, or null when it is missing, forged, expired or malformed. */
export function decodeIntent(value: string | undefined | null, now = Date.now()): ExternalIntent | null {
  if (!value || value.length > 4096) return null;
  const [body, tag, extra] = value.split(".");
  if (!body || !tag || extra !== undefined || !safeEqual(mac(body), tag)) return null;
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(Buffer.from(body, "base64url").toString("utf8")));
    if (!parsed.success || parsed.data.e <= now || !isExternalProviderId(parsed.data.p)) return null;
    const { k, p, n, s } = parsed.data;
    if (k === "link") return s ? { kind: "link", provider: p, sessionId: s } : null;
    return { kind: "sign_in", provider: p, next: n ?? null };
  } catch {
    return null;
  }
}

export const intentCookieOptions = {
  httpOnly: true,
  sameSite: "lax" as const,
  secure: secureCookies,
  path: "/",
  maxAge: INTENT_MAX_AGE_SECONDS,
};
