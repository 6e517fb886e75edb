"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { createApiKey } from "@/lib/data/api-keys/create-api-key";
import type { CreatedApiKey } from "@/lib/data/api-keys/insert-api-key";
import { requestContext } from "@/lib/http/request-context";

/** Settings → API keys: a new key of one's own; the answer carries the secret, shown once. */
export async function createApiKeyAction(input: unknown): Promise<ActionResult<CreatedApiKey>> {
  return runAction("create-api-key", async () => {
    const created = await createApiKey(await getViewer(), input, await requestContext());
    revalidatePath("/settings/api-keys");
    return created;
  });
}
