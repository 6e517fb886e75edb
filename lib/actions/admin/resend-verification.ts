"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { adminResendVerification } from "@/lib/data/users/admin-resend-verification";
import { requestContext } from "@/lib/http/request-context";

export async function resendVerificationAction(userId: string): Promise<ActionResult<{ email: string }>> {
  return runAction("admin-resend-verification", async () => {
    const result = await adminResendVerification(await getViewer(), userId, await requestContext());
    revalidatePath("/admin/users", "layout");
    return result;
  });
}
