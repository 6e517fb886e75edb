"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { startTotpEnrolment } from "@/lib/data/two-factor/start-totp-enrolment";
import { requestContext } from "@/lib/http/request-context";
import type { PasswordOnlyInput } from "@/lib/validations/account";

export async function startTotpEnrolmentAction(input: Partial<PasswordOnlyInput>): Promise<ActionResult<null>> {
  return runAction("start-totp", async () => {
    await startTotpEnrolment(await getViewer(), input, await requestContext());
    revalidatePath("/settings/security");
    revalidatePath("/setup-two-factor");
    return null;
  });
}
