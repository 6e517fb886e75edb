"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { resetUserTwoFactor } from "@/lib/data/users/reset-user-two-factor";
import { requestContext } from "@/lib/http/request-context";

export async function resetUserTwoFactorAction(userId: string): Promise<ActionResult<null>> {
  return runAction("admin-reset-2fa", async () => {
    await resetUserTwoFactor(await getViewer(), userId, await requestContext());
    revalidatePath("/admin", "layout");
    return null;
  });
}
