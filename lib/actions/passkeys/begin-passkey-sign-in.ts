"use server";
import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { writePasskeyNonceCookie } from "@/lib/auth/passkey-nonce-cookie";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { beginPasskeySignIn } from "@/lib/data/passkeys/begin-passkey-sign-in";
import { requestContext } from "@/lib/http/request-context";

/** Options for a username-less passkey sign-in; the challenge is bound to an httpOnly cookie of this browser. */
export async function beginPasskeySignInAction(): Promise<ActionResult<PublicKeyCredentialRequestOptionsJSON>> {
  return runAction("begin-passkey-sign-in", async () => {
    const { options, nonce } = await beginPasskeySignIn(await requestContext());
    await writePasskeyNonceCookie(nonce);
    return options;
  });
}
