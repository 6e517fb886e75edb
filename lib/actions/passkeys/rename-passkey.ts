"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { renamePasskey } from "@/lib/data/passkeys/rename-passkey";
import { requestContext } from "@/lib/http/request-context";
import type { RenamePasskeyInput } from "@/lib/validations/passkeys";

export async function renamePasskeyAction(
  input: RenamePasskeyInput,
): Promise<ActionResult<{ id: string; name: string }>> {
  return runAction("rename-passkey", async () => {
    const renamed = await renamePasskey(await getViewer(), input, await requestContext());
    revalidatePath("/settings/sign-in-methods");
    return renamed;
  });
}
