"use server";
import { redirect } from "next/navigation";
import { signOut } from "@/lib/auth/auth";
import { getCurrentSession, getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { endSession } from "@/lib/data/auth/end-session";
import { resendVerificationEmail } from "@/lib/data/users/resend-verification-email";
import { requestContext } from "@/lib/http/request-context";

export async function signOutAction(): Promise<void> {
  const session = await getCurrentSession();
  if (session) await endSession(session.token, await requestContext());
  await signOut({ redirect: false });
  redirect("/sign-in?notice=signed-out");
}

export async function resendVerificationAction(): Promise<ActionResult<{ email: string }>> {
  return runAction("resend-verification", async () =>
    resendVerificationEmail(await getViewer(), await requestContext()),
  );
}
