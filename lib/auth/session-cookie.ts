// Writing and clearing the session cookie: after a password sign-in, a second factor, a password
// change or the end of 2FA set-up (each rotates the session), and at sign-out. "Remember me": a
// session without it must end with the browser, so its cookie carries no Max-Age. The Session
// row's own expiry bounds it either way. The value is an Auth.js-format JWT (lib/auth/session-jwt.ts)
// whose only claim is the raw session token; Auth.js's HTTP endpoints are not mounted, so nothing
// else can re-issue or extend it.
import "server-only";
import { cookies } from "next/headers";
import { env } from "@/lib/env";
import { writeSessionJwt } from "@/lib/auth/session-jwt";
import { deletedSessionCookieOptions, SESSION_COOKIE, sessionCookieOptions } from "@/lib/auth/cookie";

/** Sets the cookie for a session token, in the same encrypted form Auth.js uses. */
export async function writeSessionCookie(token: string, remember: boolean): Promise<void> {
  const maxAge = env.SESSION_REMEMBER_DAYS * 86_400;
  const value = await writeSessionJwt(token, maxAge, SESSION_COOKIE);
  (await cookies()).set(SESSION_COOKIE, value, remember ? { ...sessionCookieOptions, maxAge } : sessionCookieOptions);
}

/** Removes the session cookie (the Session row is ended by the caller, lib/data/auth/end-session.ts). */
export async function clearSessionCookie(): Promise<void> {
  (await cookies()).set(SESSION_COOKIE, "", deletedSessionCookieOptions);
}
