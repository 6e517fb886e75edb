"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { bulkAssignRole } from "@/lib/data/users/bulk-assign-role";
import { requestContext } from "@/lib/http/request-context";

export async function bulkAssignRoleAction(
  userIds: string[],
  roleId: string,
): Promise<ActionResult<{ assigned: number; skipped: { id: string; reason: string }[] }>> {
  return runAction("admin-bulk-assign-role", async () => {
    const result = await bulkAssignRole(await getViewer(), { userIds, roleId }, await requestContext());
    revalidatePath("/admin/users", "layout");
    return result;
  });
}
