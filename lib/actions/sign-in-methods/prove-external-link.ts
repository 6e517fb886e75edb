"use server";
// Proving the existing account at a first sign-in: its password, or a link mailed to its address
// (opened in this browser).
import { cookies } from "next/headers";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { PENDING_COOKIE, pendingCookieOptions } from "@/lib/auth/external/pending-cookie";
import { writeSessionCookie } from "@/lib/auth/session-cookie";
import {
  confirmExternalLinkEmail,
  proveExternalLinkWithPassword,
  sendExternalLinkEmail,
} from "@/lib/data/sign-in-methods/prove-external-link";
import { requestContext } from "@/lib/http/request-context";
import type { ExternalLinkPasswordInput } from "@/lib/validations/sign-in-methods";

async function signedIn(sessionToken: string) {
  const jar = await cookies();
  jar.set(PENDING_COOKIE, "", { ...pendingCookieOptions, maxAge: 0 });
  await writeSessionCookie(sessionToken, false);
  return { redirectTo: "/dashboard" };
}

export async function proveExternalLinkWithPasswordAction(
  input: ExternalLinkPasswordInput,
): Promise<ActionResult<{ redirectTo: string }>> {
  return runAction("prove-external-link-password", async () => {
    const pending = (await cookies()).get(PENDING_COOKIE)?.value;
    const opened = await proveExternalLinkWithPassword(pending, input, await requestContext());
    return signedIn(opened.sessionToken);
  });
}

export async function sendExternalLinkEmailAction(): Promise<ActionResult<{ email: string }>> {
  return runAction("send-external-link-email", async () => {
    const pending = (await cookies()).get(PENDING_COOKIE)?.value;
    return sendExternalLinkEmail(pending, await requestContext());
  });
}

export async function confirmExternalLinkEmailAction(token: string): Promise<ActionResult<{ redirectTo: string }>> {
  return runAction("confirm-external-link-email", async () => {
    const pending = (await cookies()).get(PENDING_COOKIE)?.value;
    const opened = await confirmExternalLinkEmail(pending, { token }, await requestContext());
    return signedIn(opened.sessionToken);
  });
}
