"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { unbanUser } from "@/lib/data/users/unban-user";
import { requestContext } from "@/lib/http/request-context";

export async function unbanUserAction(userId: string): Promise<ActionResult<null>> {
  return runAction("admin-unban-user", async () => {
    await unbanUser(await getViewer(), userId, await requestContext());
    revalidatePath("/admin/users", "layout");
    return null;
  });
}
