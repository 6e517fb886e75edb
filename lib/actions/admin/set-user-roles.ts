"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { setUserRoles, type RoleChange } from "@/lib/data/users/set-user-roles";
import { requestContext } from "@/lib/http/request-context";
import type { SetUserRolesInput } from "@/lib/validations/admin-user";

export async function setUserRolesAction(input: SetUserRolesInput): Promise<ActionResult<RoleChange>> {
  return runAction("admin-set-user-roles", async () => {
    const result = await setUserRoles(await getViewer(), input, await requestContext());
    revalidatePath("/admin/users", "layout");
    return result;
  });
}
