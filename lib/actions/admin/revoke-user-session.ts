"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { revokeUserSession } from "@/lib/data/users/revoke-user-session";
import { requestContext } from "@/lib/http/request-context";
import type { RevokeUserSessionInput } from "@/lib/validations/admin-user";

export async function revokeUserSessionAction(input: RevokeUserSessionInput): Promise<ActionResult<null>> {
  return runAction("admin-revoke-user-session", async () => {
    await revokeUserSession(await getViewer(), input, await requestContext());
    revalidatePath("/admin/users", "layout");
    return null;
  });
}
