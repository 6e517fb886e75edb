// Cookie lifetime for "remember me". Auth.js gives every session cookie the same Max-Age; a
// session without "remember me" must end with the browser, so its cookie is re-set without one.
// The Session row's own expiry (SESSION_SHORT_HOURS) bounds it either way.
import "server-only";
import { cookies } from "next/headers";
import { SESSION_COOKIE, sessionCookieOptions } from "@/lib/auth/cookie";

export async function makeSessionCookieBrowserOnly(): Promise<void> {
  const jar = await cookies();
  const value = jar.get(SESSION_COOKIE)?.value;
  if (value) jar.set(SESSION_COOKIE, value, sessionCookieOptions);
}
