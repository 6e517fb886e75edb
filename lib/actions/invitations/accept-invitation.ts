"use server";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { acceptInvitation } from "@/lib/data/invitations/accept-invitation";
import { requestContext } from "@/lib/http/request-context";
import type { AcceptInvitationInput } from "@/lib/validations/invitation";

/** Public: the token in the link is the credential. The invitee signs in next. */
export async function acceptInvitationAction(
  token: string,
  input: AcceptInvitationInput,
): Promise<ActionResult<{ username: string }>> {
  return runAction("accept-invitation", async () => {
    const { username } = await acceptInvitation(token, input, await requestContext());
    return { username };
  });
}
