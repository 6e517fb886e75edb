"use server";
import { cookies } from "next/headers";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { PENDING_COOKIE, pendingCookieOptions } from "@/lib/auth/external/pending-cookie";
import { writeSessionCookie } from "@/lib/auth/session-cookie";
import { finishExternalSignUp } from "@/lib/data/sign-in-methods/finish-external-sign-up";
import { requestContext } from "@/lib/http/request-context";
import type { ExternalSignUpInput } from "@/lib/validations/sign-in-methods";

export async function finishExternalSignUpAction(
  input: ExternalSignUpInput,
): Promise<ActionResult<{ redirectTo: string }>> {
  return runAction("finish-external-sign-up", async () => {
    const jar = await cookies();
    const opened = await finishExternalSignUp(jar.get(PENDING_COOKIE)?.value, input, await requestContext());
    jar.set(PENDING_COOKIE, "", { ...pendingCookieOptions, maxAge: 0 });
    await writeSessionCookie(opened.sessionToken, false);
    return { redirectTo: "/dashboard" };
  });
}
