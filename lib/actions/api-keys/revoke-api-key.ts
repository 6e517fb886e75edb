"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { revokeApiKey } from "@/lib/data/api-keys/revoke-api-key";
import { requestContext } from "@/lib/http/request-context";

/** Revokes one's own key, or (admins) a service account's key. */
export async function revokeApiKeyAction(keyId: string): Promise<ActionResult<{ id: string; revokedAt: Date }>> {
  return runAction("revoke-api-key", async () => {
    const result = await revokeApiKey(await getViewer(), { id: keyId }, await requestContext());
    revalidatePath("/settings/api-keys");
    revalidatePath("/admin/service-accounts", "layout");
    return result;
  });
}
