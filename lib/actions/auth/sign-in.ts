"use server";
import { readDeviceCookie, writeDeviceCookie } from "@/lib/auth/device-cookie";
import { writeSessionCookie } from "@/lib/auth/session-cookie";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { authenticateWithPassword } from "@/lib/data/auth/authenticate-with-password";
import { AppError, RateLimitedError } from "@/lib/errors";
import { requestContext } from "@/lib/http/request-context";
import { safeNextPath } from "@/lib/http/urls";
import { signInSchema, type SignInInput } from "@/lib/validations/auth";
import { parseOrThrow } from "@/lib/validations/parse";

/**
 * The password sign-in. It writes the session cookie itself (in Auth.js's format, with a lifetime
 * only under "remember me") and the device cookie that tells this browser apart from others when
 * the account is being guessed at (lib/auth/device-cookie.ts).
 */
export async function signInAction(input: SignInInput, next?: string): Promise<ActionResult<{ redirectTo: string }>> {
  return runAction("sign-in", async () => {
    const data = parseOrThrow(signInSchema, input);
    const result = await authenticateWithPassword(
      { ...data, deviceCookie: await readDeviceCookie() },
      await requestContext(),
    );
    if (!result.ok) {
      if (result.reason === "throttled") {
        throw new RateLimitedError(
          result.retryAfterSeconds,
          `Too many sign-in attempts. Try again in ${Math.ceil(result.retryAfterSeconds / 60)} min.`,
        );
      }
      throw new AppError("invalid_credentials", 401, "Incorrect username, email or password.");
    }
    await writeSessionCookie(result.sessionToken, data.remember);
    await writeDeviceCookie(result.deviceCookie);
    // A session that still needs a second factor is sent to that step by the page it lands on.
    return { redirectTo: safeNextPath(next) };
  });
}
