// Writing the session cookie outside the Auth.js sign-in (after a second factor or a password
// change the session is rotated) and "remember me": a session without it must end with the
// browser, so its cookie carries no Max-Age. The Session row's own expiry bounds it either way.
import "server-only";
import { cookies } from "next/headers";
import { encode } from "next-auth/jwt";
import { env } from "@/lib/env";
import { SESSION_COOKIE, sessionCookieOptions } from "@/lib/auth/cookie";

export async function makeSessionCookieBrowserOnly(): Promise<void> {
  const jar = await cookies();
  const value = jar.get(SESSION_COOKIE)?.value;
  if (value) jar.set(SESSION_COOKIE, value, sessionCookieOptions);
}

/** Sets the cookie for a session token, in the same encrypted form Auth.js uses. */
export async function writeSessionCookie(token: string, remember: boolean): Promise<void> {
  const maxAge = env.SESSION_REMEMBER_DAYS * 86_400;
  const value = await encode({ token: { sid: token }, secret: env.AUTH_SECRET, salt: SESSION_COOKIE, maxAge });
  (await cookies()).set(SESSION_COOKIE, value, remember ? { ...sessionCookieOptions, maxAge } : sessionCookieOptions);
}
