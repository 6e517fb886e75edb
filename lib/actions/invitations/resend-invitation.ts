"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { resendInvitation } from "@/lib/data/invitations/resend-invitation";
import { requestContext } from "@/lib/http/request-context";

export async function resendInvitationAction(invitationId: string): Promise<ActionResult<{ email: string }>> {
  return runAction("resend-invitation", async () => {
    const { email } = await resendInvitation(await getViewer(), invitationId, await requestContext());
    revalidatePath("/admin/invitations");
    return { email };
  });
}
