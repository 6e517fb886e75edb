"use server";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { resendVerificationEmail } from "@/lib/data/users/resend-verification-email";
import { requestContext } from "@/lib/http/request-context";

export async function resendVerificationAction(): Promise<ActionResult<{ email: string }>> {
  return runAction("resend-verification", async () =>
    resendVerificationEmail(await getViewer(), await requestContext()),
  );
}
