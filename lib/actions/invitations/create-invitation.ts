"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { createInvitation } from "@/lib/data/invitations/create-invitation";
import { requestContext } from "@/lib/http/request-context";
import type { CreateInvitationInput } from "@/lib/validations/invitation";

export async function createInvitationAction(input: CreateInvitationInput): Promise<ActionResult<{ email: string }>> {
  return runAction("create-invitation", async () => {
    const { email } = await createInvitation(await getViewer(), input, await requestContext());
    revalidatePath("/admin/invitations");
    return { email };
  });
}
