"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { resetUserTwoFactor } from "@/lib/data/users/reset-user-two-factor";
import { revokeUserSessions } from "@/lib/data/users/revoke-user-sessions";
import { requestContext } from "@/lib/http/request-context";

export async function revokeUserSessionsAction(userId: string): Promise<ActionResult<{ revoked: number }>> {
  return runAction("admin-revoke-sessions", async () => {
    const result = await revokeUserSessions(await getViewer(), userId, await requestContext());
    revalidatePath("/admin");
    return result;
  });
}

export async function resetUserTwoFactorAction(userId: string): Promise<ActionResult<null>> {
  return runAction("admin-reset-2fa", async () => {
    await resetUserTwoFactor(await getViewer(), userId, await requestContext());
    revalidatePath("/admin");
    return null;
  });
}
