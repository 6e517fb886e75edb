"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { revokeOtherSessions } from "@/lib/data/sessions/revoke-other-sessions";
import { requestContext } from "@/lib/http/request-context";

export async function revokeOtherSessionsAction(): Promise<ActionResult<{ revoked: number }>> {
  return runAction("revoke-other-sessions", async () => {
    const result = await revokeOtherSessions(await getViewer(), await requestContext());
    revalidatePath("/settings/sessions");
    return result;
  });
}
