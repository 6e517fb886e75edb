"use server";
import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { beginPasskeySecondFactor } from "@/lib/data/passkeys/begin-passkey-second-factor";

export async function beginPasskeySecondFactorAction(): Promise<ActionResult<PublicKeyCredentialRequestOptionsJSON>> {
  return runAction("begin-passkey-second-factor", async () => beginPasskeySecondFactor(await getViewer()));
}
