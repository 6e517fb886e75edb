// Where a page sends a visitor whose cookie decoded but whose session is over (signed out
// elsewhere, revoked, expired, password changed): the cookie is dropped here, since a page cannot
// set cookies, and the visitor lands on sign-in with a notice and the page to come back to. A
// session that is alive after all is not touched (a link to this URL cannot sign anyone out).
// An impersonation that ran out (30 minutes) lands here too: it is finished (audited, the person
// emailed) and the admin goes back to their own session when it is still alive.
import { NextResponse, type NextRequest } from "next/server";
import { deletedSessionCookieOptions, SESSION_COOKIE, sessionTokenFromCookie } from "@/lib/auth/cookie";
import { clearImpersonationCookie, readImpersonationCookie } from "@/lib/auth/impersonation-cookie";
import { writeSessionCookie } from "@/lib/auth/session-cookie";
import { getCurrentSession } from "@/lib/auth/viewer";
import { stopImpersonation } from "@/lib/data/impersonation/stop-impersonation";
import { requestContext } from "@/lib/http/request-context";
import { safeNextPath } from "@/lib/http/urls";

/**
 * A redirect with a relative Location: the browser stays on the host it asked (a route handler's
 * nextUrl names the address the server listens on, e.g. 0.0.0.0, where its cookies do not go).
 */
function redirectTo(path: string): NextResponse {
  return new NextResponse(null, { status: 307, headers: { Location: path } });
}

export async function GET(request: NextRequest) {
  const next = safeNextPath(request.nextUrl.searchParams.get("next"), "");
  if (await getCurrentSession()) return redirectTo(next || "/dashboard");
  const ticket = await readImpersonationCookie();
  if (ticket) {
    const sessionToken = await sessionTokenFromCookie(request.cookies.get(SESSION_COOKIE)?.value);
    const outcome = await stopImpersonation(null, { sessionToken, ticket }, await requestContext());
    await clearImpersonationCookie();
    if (outcome.stopped && outcome.resume) {
      await writeSessionCookie(outcome.resume.token, outcome.resume.remember);
      const back = outcome.userId ? `/admin/users/${encodeURIComponent(outcome.userId)}` : "/admin/users";
      return redirectTo(back);
    }
  }
  const response = redirectTo(
    `/sign-in?${new URLSearchParams({ ...(next ? { next } : {}), notice: "session-ended" })}`,
  );
  response.cookies.set(SESSION_COOKIE, "", deletedSessionCookieOptions);
  return response;
}
