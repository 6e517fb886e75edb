"use server";
import { writeDeviceCookie } from "@/lib/auth/device-cookie";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { resetPassword } from "@/lib/data/passwords/reset-password";
import { requestContext } from "@/lib/http/request-context";
import type { ResetPasswordInput } from "@/lib/validations/account";

export async function resetPasswordAction(input: ResetPasswordInput): Promise<ActionResult<null>> {
  return runAction("reset-password", async () => {
    const { deviceCookie } = await resetPassword(input, await requestContext());
    await writeDeviceCookie(deviceCookie);
    return null;
  });
}
