"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { forcePasswordReset } from "@/lib/data/users/force-password-reset";
import { requestContext } from "@/lib/http/request-context";
import type { ForcePasswordResetInput } from "@/lib/validations/admin-user";

export async function forcePasswordResetAction(
  input: ForcePasswordResetInput,
): Promise<ActionResult<{ email: string; sessionsEnded: number }>> {
  return runAction("admin-force-password-reset", async () => {
    const result = await forcePasswordReset(await getViewer(), input, await requestContext());
    revalidatePath("/admin/users", "layout");
    return result;
  });
}
