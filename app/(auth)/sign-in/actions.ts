"use server";
import { CredentialsSignin } from "next-auth";
import { signIn } from "@/lib/auth/auth";
import { makeSessionCookieBrowserOnly } from "@/lib/auth/session-cookie";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { AppError, RateLimitedError } from "@/lib/errors";
import { safeNextPath } from "@/lib/http/urls";
import { signInSchema, type SignInInput } from "@/lib/validations/auth";
import { parseOrThrow } from "@/lib/validations/parse";

export async function signInAction(input: SignInInput, next?: string): Promise<ActionResult<{ redirectTo: string }>> {
  return runAction("sign-in", async () => {
    const data = parseOrThrow(signInSchema, input);
    try {
      await signIn("credentials", {
        identifier: data.identifier,
        password: data.password,
        remember: String(data.remember),
        redirect: false,
      });
    } catch (error) {
      if (!(error instanceof CredentialsSignin)) throw error;
      const [code, seconds] = error.code.split(":");
      if (code === "throttled")
        throw new RateLimitedError(
          Number(seconds) || 60,
          `Too many sign-in attempts. Try again in ${Math.ceil((Number(seconds) || 60) / 60)} min.`,
        );
      throw new AppError("invalid_credentials", 401, "Incorrect username, email or password.");
    }
    if (!data.remember) await makeSessionCookieBrowserOnly();
    // proxy.ts sends a session that still needs a second factor to that step first.
    return { redirectTo: safeNextPath(next) };
  });
}
