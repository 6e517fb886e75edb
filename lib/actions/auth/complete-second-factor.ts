"use server";
import { writeSessionCookie } from "@/lib/auth/session-cookie";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { completeSecondFactor } from "@/lib/data/auth/complete-second-factor";
import { requestContext } from "@/lib/http/request-context";
import { safeNextPath } from "@/lib/http/urls";
import type { SecondFactorInput } from "@/lib/validations/account";

export async function completeSecondFactorAction(
  input: SecondFactorInput,
  next?: string,
): Promise<ActionResult<{ redirectTo: string }>> {
  return runAction("second-factor", async () => {
    const { token, remember } = await completeSecondFactor(await getViewer(), input, await requestContext());
    await writeSessionCookie(token, remember);
    return { redirectTo: safeNextPath(next) };
  });
}
