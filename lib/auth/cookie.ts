// The session cookie: its name and how to read the session token out of it.
import "server-only";
import { readSessionJwt } from "@/lib/auth/session-jwt";
import { env } from "@/lib/env";

/**
 * Secure cookies whenever the app is served over https, named with the __Host- prefix: the browser
 * then accepts them only Secure, for Path=/ and without Domain, so a sibling subdomain cannot plant
 * (toss) one of these cookies on this origin.
 */
export const secureCookies = env.APP_URL.startsWith("https://");
export const SESSION_COOKIE = `${secureCookies ? "__Host-" : ""}authjs.session-token`;

export const sessionCookieOptions = {
  httpOnly: true,
  sameSite: "lax" as const,
  secure: secureCookies,
  path: "/",
};

/**
 * Options that delete the session cookie: the flags it was set with, or a browser ignores a
 * __Host- cookie that arrives without Secure.
 */
export const deletedSessionCookieOptions = { ...sessionCookieOptions, maxAge: 0 };

/** The raw session token inside an Auth.js session cookie value, or null if it does not decode. */
export async function sessionTokenFromCookie(value: string | undefined): Promise<string | null> {
  return readSessionJwt(value, SESSION_COOKIE);
}
