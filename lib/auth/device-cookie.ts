// OWASP's "device cookies" against online guessing: a browser that once gave an account's correct
// password carries a signed cookie naming that account (user id, random nonce, issue time). When
// it signs in again, its failures count under its own nonce, so failures from anywhere else (an
// attacker keeping the account locked) do not lock it out. The cookie grants nothing else: it is
// no session, it does not skip the password or the second factor.
//
// Format: `v1.<userId>.<nonce>.<issuedAt ms>.<HMAC-SHA-256 base64url>`, keyed by a key derived
// from the app's key for this purpose alone. HttpOnly, SameSite=Lax, host-only.
import "server-only";
import { createHmac } from "node:crypto";
import { cookies } from "next/headers";
import { derivedKey, randomToken, safeEqual } from "@/lib/auth/crypto";
import { secureCookies } from "@/lib/auth/cookie";

export const DEVICE_COOKIE = `${secureCookies ? "__Host-" : ""}opsdeck.device`;

/** A device stays trusted this long after its last successful sign-in. */
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 180 * 86_400;

const VERSION = "v1";

function mac(payload: string): string {
  return createHmac("sha256", derivedKey("device-cookie")).update(payload, "utf8").digest("base64url");
}

/** A fresh device cookie value for `userId`. */
export function signDeviceCookie(userId: string, now = Date.now()): string {
  const payload = [VERSION, userId, randomToken(16), String(now)].join(".");
  return `${payload}.${mac(payload)}`;
}

/** What a genuine, unexpired device cookie says (the MAC is checked first, in constant time), or null. */
export function readDeviceClaim(
  value: string | null | undefined,
  now = Date.now(),
): { userId: string; nonce: string; issuedAt: number } | null {
  if (!value || value.length > 256) return null;
  const cut = value.lastIndexOf(".");
  const payload = value.slice(0, cut);
  if (cut < 0 || !safeEqual(value.slice(cut + 1), mac(payload))) return null;
  const [version, userId, nonce, issued, extra] = payload.split(".");
  if (version !== VERSION || !userId || !nonce || !issued || extra !== undefined) return null;
  const issuedAt = Number(issued);
  const age = now - issuedAt;
  if (!Number.isFinite(age) || age < -60_000 || age > DEVICE_COOKIE_MAX_AGE_SECONDS * 1000) return null;
  return { userId, nonce, issuedAt };
}

/**
 * The nonce of a device cookie claim for `user`, or null (no claim, another account, or issued
 * before the account's password last changed: a reset that takes an account back also ends the
 * trust of browsers that knew the old password).
 */
export function trustedDevice(
  claim: ReturnType<typeof readDeviceClaim>,
  user: { id: string; passwordChangedAt: Date } | null,
): string | null {
  if (!claim || !user || !safeEqual(claim.userId, user.id)) return null;
  return claim.issuedAt >= user.passwordChangedAt.getTime() ? claim.nonce : null;
}

/** The device cookie the current request carries, if any. */
export async function readDeviceCookie(): Promise<string | null> {
  return (await cookies()).get(DEVICE_COOKIE)?.value ?? null;
}

/** Sets the device cookie on the current response (one per browser: the account signed in last). */
export async function writeDeviceCookie(value: string): Promise<void> {
  (await cookies()).set(DEVICE_COOKIE, value, {
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookies,
    path: "/",
    maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS,
  });
}
