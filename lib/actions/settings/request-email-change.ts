"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { requestEmailChange } from "@/lib/data/users/request-email-change";
import { requestContext } from "@/lib/http/request-context";
import type { ChangeEmailInput } from "@/lib/validations/account";

export async function requestEmailChangeAction(input: ChangeEmailInput): Promise<ActionResult<{ email: string }>> {
  return runAction("request-email-change", async () => {
    const result = await requestEmailChange(await getViewer(), input, await requestContext());
    revalidatePath("/settings/profile");
    return result;
  });
}
