"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { rejectStaff } from "@/lib/data/staff/reject-staff";
import { requestContext } from "@/lib/http/request-context";

export async function rejectStaffAction(userId: string, reason: string): Promise<ActionResult<null>> {
  return runAction("reject-staff", async () => {
    await rejectStaff(await getViewer(), userId, { reason }, await requestContext());
    revalidatePath("/approvals");
    return null;
  });
}
