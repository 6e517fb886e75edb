"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { createServiceAccountKey } from "@/lib/data/api-keys/create-service-account-key";
import type { CreatedApiKey } from "@/lib/data/api-keys/insert-api-key";
import { requestContext } from "@/lib/http/request-context";

/** A key for a service account; the answer carries the secret, shown once. */
export async function createServiceAccountKeyAction(input: unknown): Promise<ActionResult<CreatedApiKey>> {
  return runAction("create-service-account-key", async () => {
    const created = await createServiceAccountKey(await getViewer(), input, await requestContext());
    revalidatePath("/admin/service-accounts", "layout");
    return created;
  });
}
