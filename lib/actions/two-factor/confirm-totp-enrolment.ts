"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { confirmTotpEnrolment } from "@/lib/data/two-factor/confirm-totp-enrolment";
import { requestContext } from "@/lib/http/request-context";
import type { ConfirmTotpInput } from "@/lib/validations/account";

export async function confirmTotpEnrolmentAction(
  input: ConfirmTotpInput,
): Promise<ActionResult<{ recoveryCodes: string[] }>> {
  return runAction("confirm-totp", async () => {
    const result = await confirmTotpEnrolment(await getViewer(), input, await requestContext());
    // The page comes back with the stored state (on) together with the codes, which travel only in
    // this answer to the session that confirmed: never in a page load.
    revalidatePath("/settings/security");
    return result;
  });
}
