"use server";
import { writeSessionCookie } from "@/lib/auth/session-cookie";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { finishTwoFactorEnrolment } from "@/lib/data/two-factor/finish-two-factor-enrolment";
import { requestContext } from "@/lib/http/request-context";

/** After enrolment forced by a role: turn the held-back session into a full one. */
export async function finishTwoFactorEnrolmentAction(): Promise<ActionResult<null>> {
  return runAction("finish-enrolment", async () => {
    const { token, remember } = await finishTwoFactorEnrolment(await getViewer(), await requestContext());
    await writeSessionCookie(token, remember);
    return null;
  });
}
