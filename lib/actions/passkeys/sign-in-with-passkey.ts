"use server";
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import { readPasskeyNonceCookie, clearPasskeyNonceCookie } from "@/lib/auth/passkey-nonce-cookie";
import { writeSessionCookie } from "@/lib/auth/session-cookie";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { authenticateWithPasskey } from "@/lib/data/passkeys/authenticate-with-passkey";
import { AppError } from "@/lib/errors";
import { requestContext } from "@/lib/http/request-context";
import { safeNextPath } from "@/lib/http/urls";

/** The password-less sign-in: verifies the passkey's answer and writes the session cookie. */
export async function signInWithPasskeyAction(
  input: { response: AuthenticationResponseJSON; remember: boolean },
  next?: string,
): Promise<ActionResult<{ redirectTo: string }>> {
  return runAction("sign-in-with-passkey", async () => {
    const nonce = await readPasskeyNonceCookie();
    await clearPasskeyNonceCookie();
    const result = await authenticateWithPasskey(input, nonce, await requestContext());
    if (!result.ok) {
      if (result.reason === "challenge_invalid") {
        throw new AppError("passkey_expired", 401, "The passkey request expired or was already used. Try again.");
      }
      if (result.reason === "counter_regression") {
        throw new AppError(
          "passkey_refused",
          401,
          "This passkey was refused: its use counter went backwards, which happens when an authenticator was copied. Sign in another way.",
        );
      }
      throw new AppError(
        "passkey_refused",
        401,
        "This passkey cannot sign you in. It may have been removed from your account; sign in another way.",
      );
    }
    await writeSessionCookie(result.sessionToken, result.remember);
    return { redirectTo: safeNextPath(next) };
  });
}
