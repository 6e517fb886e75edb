"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { bulkBanUsers } from "@/lib/data/users/bulk-ban-users";
import { requestContext } from "@/lib/http/request-context";

export async function bulkBanUsersAction(
  userIds: string[],
  reason: string,
): Promise<ActionResult<{ banned: number; skipped: { id: string; reason: string }[] }>> {
  return runAction("admin-bulk-ban-users", async () => {
    const result = await bulkBanUsers(await getViewer(), { userIds, reason }, await requestContext());
    revalidatePath("/admin/users", "layout");
    return result;
  });
}
