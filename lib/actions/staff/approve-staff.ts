"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { approveStaff } from "@/lib/data/staff/approve-staff";
import { requestContext } from "@/lib/http/request-context";

export async function approveStaffAction(userId: string): Promise<ActionResult<null>> {
  return runAction("approve-staff", async () => {
    await approveStaff(await getViewer(), userId, await requestContext());
    revalidatePath("/approvals");
    return null;
  });
}
