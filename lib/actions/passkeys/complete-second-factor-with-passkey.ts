"use server";
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import { writeSessionCookie } from "@/lib/auth/session-cookie";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { completeSecondFactorWithPasskey } from "@/lib/data/auth/complete-second-factor";
import { requestContext } from "@/lib/http/request-context";
import { safeNextPath } from "@/lib/http/urls";

export async function completeSecondFactorWithPasskeyAction(
  response: AuthenticationResponseJSON,
  next?: string,
): Promise<ActionResult<{ redirectTo: string }>> {
  return runAction("second-factor-passkey", async () => {
    const { token, remember } = await completeSecondFactorWithPasskey(
      await getViewer(),
      { response },
      await requestContext(),
    );
    await writeSessionCookie(token, remember);
    return { redirectTo: safeNextPath(next) };
  });
}
