"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { revokeUserSessions } from "@/lib/data/users/revoke-user-sessions";
import { requestContext } from "@/lib/http/request-context";

export async function revokeUserSessionsAction(userId: string): Promise<ActionResult<{ revoked: number }>> {
  return runAction("admin-revoke-sessions", async () => {
    const result = await revokeUserSessions(await getViewer(), userId, await requestContext());
    revalidatePath("/admin", "layout");
    return result;
  });
}
