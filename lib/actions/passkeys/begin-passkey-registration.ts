"use server";
import type { PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/server";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { beginPasskeyRegistration } from "@/lib/data/passkeys/begin-passkey-registration";
import type { BeginPasskeyRegistrationInput } from "@/lib/validations/passkeys";

export async function beginPasskeyRegistrationAction(
  input: BeginPasskeyRegistrationInput,
): Promise<ActionResult<PublicKeyCredentialCreationOptionsJSON>> {
  return runAction("begin-passkey-registration", async () => beginPasskeyRegistration(await getViewer(), input));
}
