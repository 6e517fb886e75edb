"use server";
import { redirect } from "next/navigation";
import { clearSessionCookie } from "@/lib/auth/session-cookie";
import { getCurrentSession } from "@/lib/auth/viewer";
import { endSession } from "@/lib/data/auth/end-session";
import { stopImpersonationAction } from "@/lib/actions/impersonation/stop-impersonation";
import { requestContext } from "@/lib/http/request-context";

export async function signOutAction(): Promise<void> {
  const session = await getCurrentSession();
  // Signing out of an impersonation stops it (audited, the person emailed) and returns the admin.
  if (session?.impersonatorId) return stopImpersonationAction();
  if (session) await endSession(session.token, await requestContext());
  await clearSessionCookie();
  redirect("/sign-in?notice=signed-out");
}
