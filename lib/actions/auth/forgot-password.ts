"use server";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { requestPasswordReset } from "@/lib/data/passwords/request-password-reset";
import { requestContext } from "@/lib/http/request-context";
import type { ForgotPasswordInput } from "@/lib/validations/account";

export async function forgotPasswordAction(input: ForgotPasswordInput): Promise<ActionResult<null>> {
  return runAction("forgot-password", async () => {
    await requestPasswordReset(input, await requestContext());
    return null;
  });
}
