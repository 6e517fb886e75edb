"use server";
import { redirect } from "next/navigation";
import { clearSessionCookie } from "@/lib/auth/session-cookie";
import { getCurrentSession, getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { endSession } from "@/lib/data/auth/end-session";
import { resendVerificationEmail } from "@/lib/data/users/resend-verification-email";
import { requestContext } from "@/lib/http/request-context";

export async function signOutAction(): Promise<void> {
  const session = await getCurrentSession();
  if (session) await endSession(session.token, await requestContext());
  await clearSessionCookie();
  redirect("/sign-in?notice=signed-out");
}

export async function resendVerificationAction(): Promise<ActionResult<{ email: string }>> {
  return runAction("resend-verification", async () =>
    resendVerificationEmail(await getViewer(), await requestContext()),
  );
}
