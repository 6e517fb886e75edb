"use server";
import type { RegistrationResponseJSON } from "@simplewebauthn/server";
import { revalidatePath } from "next/cache";
import { writeSessionCookie } from "@/lib/auth/session-cookie";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { finishPasskeyRegistration } from "@/lib/data/passkeys/finish-passkey-registration";
import { requestContext } from "@/lib/http/request-context";

export async function finishPasskeyRegistrationAction(input: {
  name: string;
  response: RegistrationResponseJSON;
}): Promise<ActionResult<{ id: string; name: string }>> {
  return runAction("finish-passkey-registration", async () => {
    const { rotated, ...passkey } = await finishPasskeyRegistration(await getViewer(), input, await requestContext());
    // A sign-in held back for 2FA set-up continues under a fresh token.
    if (rotated) await writeSessionCookie(rotated.token, rotated.remember);
    revalidatePath("/settings/sign-in-methods");
    return passkey;
  });
}
