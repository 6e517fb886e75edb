"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { revokeInvitation } from "@/lib/data/invitations/revoke-invitation";
import { requestContext } from "@/lib/http/request-context";

export async function revokeInvitationAction(invitationId: string): Promise<ActionResult<{ email: string }>> {
  return runAction("revoke-invitation", async () => {
    const result = await revokeInvitation(await getViewer(), invitationId, await requestContext());
    revalidatePath("/admin/invitations");
    return result;
  });
}
