"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { updateRole, type UpdateRoleResult } from "@/lib/data/roles/update-role";
import { requestContext } from "@/lib/http/request-context";
import type { RoleInput } from "@/lib/validations/role";

export async function updateRoleAction(roleId: string, input: RoleInput): Promise<ActionResult<UpdateRoleResult>> {
  return runAction("update-role", async () => {
    const result = await updateRole(await getViewer(), roleId, input, await requestContext());
    // Lists and detail pages show role names and what they grant (users, roles, the sidebar).
    revalidatePath("/admin", "layout");
    return result;
  });
}
