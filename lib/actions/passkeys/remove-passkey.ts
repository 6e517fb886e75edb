"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { removePasskey } from "@/lib/data/passkeys/remove-passkey";
import { requestContext } from "@/lib/http/request-context";
import type { RemovePasskeyInput } from "@/lib/validations/passkeys";

export async function removePasskeyAction(input: RemovePasskeyInput): Promise<ActionResult<null>> {
  return runAction("remove-passkey", async () => {
    await removePasskey(await getViewer(), input, await requestContext());
    revalidatePath("/settings/sign-in-methods");
    return null;
  });
}
