"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { createServiceAccount } from "@/lib/data/api-keys/create-service-account";
import { requestContext } from "@/lib/http/request-context";

/** Admin → Service accounts: a new service account with roles the admin may grant. */
export async function createServiceAccountAction(
  input: unknown,
): Promise<ActionResult<{ id: string; username: string; name: string }>> {
  return runAction("create-service-account", async () => {
    const created = await createServiceAccount(await getViewer(), input, await requestContext());
    revalidatePath("/admin/service-accounts");
    return created;
  });
}
