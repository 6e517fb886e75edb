"use server";
import { writeSessionCookie } from "@/lib/auth/session-cookie";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { changePassword } from "@/lib/data/passwords/change-password";
import { requestContext } from "@/lib/http/request-context";
import type { ChangePasswordInput } from "@/lib/validations/account";

export async function changePasswordAction(
  input: ChangePasswordInput,
): Promise<ActionResult<{ sessionsEnded: number }>> {
  return runAction("change-password", async () => {
    const { token, remember, sessionsEnded } = await changePassword(await getViewer(), input, await requestContext());
    await writeSessionCookie(token, remember);
    return { sessionsEnded };
  });
}
