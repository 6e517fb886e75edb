"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { deleteRole, type DeleteRoleResult } from "@/lib/data/roles/delete-role";
import { requestContext } from "@/lib/http/request-context";
import type { DeleteRoleInput } from "@/lib/validations/role";

export async function deleteRoleAction(roleId: string, input: DeleteRoleInput): Promise<ActionResult<DeleteRoleResult>> {
  return runAction("delete-role", async () => {
    const result = await deleteRole(await getViewer(), roleId, input, await requestContext());
    revalidatePath("/admin", "layout");
    return result;
  });
}
