"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { SESSION_COOKIE, sessionTokenFromCookie } from "@/lib/auth/cookie";
import { clearImpersonationCookie, readImpersonationCookie } from "@/lib/auth/impersonation-cookie";
import { clearSessionCookie, writeSessionCookie } from "@/lib/auth/session-cookie";
import { getViewer } from "@/lib/auth/viewer";
import { finishLapsedImpersonations } from "@/lib/data/impersonation/finish-lapsed-impersonations";
import { stopImpersonation } from "@/lib/data/impersonation/stop-impersonation";
import { requestContext } from "@/lib/http/request-context";
import { log } from "@/lib/log";

/**
 * "Stop impersonating" (a form action: works before JavaScript and from the keyboard). Ends the
 * impersonation, then puts the admin's own session back in the cookie and returns them to the
 * user's page, or, when that session is over, sends them to sign in. The ticket goes either way.
 */
export async function stopImpersonationAction(): Promise<void> {
  const jar = await cookies();
  const sessionToken = await sessionTokenFromCookie(jar.get(SESSION_COOKIE)?.value);
  const [ticket, viewer] = await Promise.all([readImpersonationCookie(), getViewer()]);
  const outcome = await stopImpersonation(viewer, { sessionToken, ticket }, await requestContext());
  await clearImpersonationCookie();
  after(() =>
    finishLapsedImpersonations().catch((err: unknown) => log.warn({ err }, "impersonation clean-up failed")),
  );
  if (!outcome.stopped) redirect(viewer ? "/dashboard" : "/sign-in");
  if (outcome.resume) {
    await writeSessionCookie(outcome.resume.token, outcome.resume.remember);
    redirect(outcome.userId ? `/admin/users/${encodeURIComponent(outcome.userId)}` : "/admin/users");
  }
  await clearSessionCookie();
  redirect("/sign-in?notice=session-ended");
}
