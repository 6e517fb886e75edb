// Where a page sends a visitor whose cookie decoded but whose session is over (signed out
// elsewhere, revoked, expired, password changed): the cookie is dropped here, since a page cannot
// set cookies, and the visitor lands on sign-in with a notice and the page to come back to. A
// session that is alive after all is not touched (a link to this URL cannot sign anyone out).
import { NextResponse, type NextRequest } from "next/server";
import { deletedSessionCookieOptions, SESSION_COOKIE } from "@/lib/auth/cookie";
import { getCurrentSession } from "@/lib/auth/viewer";
import { safeNextPath } from "@/lib/http/urls";

export async function GET(request: NextRequest) {
  const next = safeNextPath(request.nextUrl.searchParams.get("next"), "");
  if (await getCurrentSession()) return NextResponse.redirect(new URL(next || "/dashboard", request.nextUrl));
  const signIn = new URL("/sign-in", request.nextUrl);
  if (next) signIn.searchParams.set("next", next);
  signIn.searchParams.set("notice", "session-ended");
  const response = NextResponse.redirect(signIn);
  response.cookies.set(SESSION_COOKIE, "", deletedSessionCookieOptions);
  return response;
}
