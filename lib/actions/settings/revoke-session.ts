"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { revokeOwnSession } from "@/lib/data/sessions/revoke-own-session";
import { requestContext } from "@/lib/http/request-context";

export async function revokeSessionAction(sessionId: string): Promise<ActionResult<null>> {
  return runAction("revoke-session", async () => {
    await revokeOwnSession(await getViewer(), sessionId, await requestContext());
    revalidatePath("/settings/sessions");
    return null;
  });
}
