"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { createRole } from "@/lib/data/roles/create-role";
import { requestContext } from "@/lib/http/request-context";
import type { RoleInput } from "@/lib/validations/role";

export async function createRoleAction(input: RoleInput): Promise<ActionResult<{ id: string; name: string }>> {
  return runAction("create-role", async () => {
    const role = await createRole(await getViewer(), input, await requestContext());
    revalidatePath("/admin/roles");
    return { id: role.id, name: role.name };
  });
}
