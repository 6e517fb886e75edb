// The cookie that binds a username-less passkey sign-in's challenge to the browser that asked for
// it (lib/auth/webauthn.ts): a random nonce, httpOnly, five minutes, read and cleared at the answer.
import "server-only";
import { cookies } from "next/headers";
import { secureCookies } from "@/lib/auth/cookie";
import { CHALLENGE_TTL_MS } from "@/lib/auth/webauthn";

export const PASSKEY_NONCE_COOKIE = `${secureCookies ? "__Host-" : ""}opsdeck.passkey-nonce`;

const options = { httpOnly: true, sameSite: "strict" as const, secure: secureCookies, path: "/" };

export async function writePasskeyNonceCookie(nonce: string): Promise<void> {
  (await cookies()).set(PASSKEY_NONCE_COOKIE, nonce, { ...options, maxAge: CHALLENGE_TTL_MS / 1000 });
}

export async function readPasskeyNonceCookie(): Promise<string | null> {
  const value = (await cookies()).get(PASSKEY_NONCE_COOKIE)?.value;
  return value && value.length <= 128 ? value : null;
}

export async function clearPasskeyNonceCookie(): Promise<void> {
  (await cookies()).set(PASSKEY_NONCE_COOKIE, "", { ...options, maxAge: 0 });
}
