"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { revokeOtherSessions } from "@/lib/data/sessions/revoke-other-sessions";
import { revokeOwnSession } from "@/lib/data/sessions/revoke-own-session";
import { requestContext } from "@/lib/http/request-context";

export async function revokeSessionAction(sessionId: string): Promise<ActionResult<null>> {
  return runAction("revoke-session", async () => {
    await revokeOwnSession(await getViewer(), sessionId, await requestContext());
    revalidatePath("/settings/sessions");
    return null;
  });
}

export async function revokeOtherSessionsAction(): Promise<ActionResult<{ revoked: number }>> {
  return runAction("revoke-other-sessions", async () => {
    const result = await revokeOtherSessions(await getViewer(), await requestContext());
    revalidatePath("/settings/sessions");
    return result;
  });
}
