// Step 1 of signing in with a passkey alone (username-less: any discoverable credential of this
// site, user verification required). The challenge is bound to a nonce the caller puts in an
// httpOnly cookie, so only the browser that asked can answer it. Each start counts against the
// IP's sign-in limit, like a password attempt (a successful sign-in gives the point back), which
// also bounds how many challenges one address can make.
import "server-only";
import { audit } from "@/lib/audit/audit";
import { authenticationOptions, newSignInNonce, storeChallenge } from "@/lib/auth/webauthn";
import { RateLimitedError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { hit } from "@/lib/rate-limit/limiter";
import { LIMITS } from "@/lib/rate-limit/limits";
import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";

export async function beginPasskeySignIn(
  ctx: RequestContext,
): Promise<{ options: PublicKeyCredentialRequestOptionsJSON; nonce: string }> {
  const ipKey = ctx.ip ?? "unknown";
  const counted = await hit(LIMITS.signInIp, ipKey);
  if (!counted.allowed) {
    if ((await hit(LIMITS.refusalAudit, `passkey-ip:${ipKey}`)).allowed) {
      await audit({
        action: "auth.passkey_sign_in_failed",
        metadata: { reason: "ip_throttled", note: "further refusals in the next minute are not logged" },
        context: ctx,
      });
    }
    throw new RateLimitedError(
      counted.retryAfterSeconds,
      `Too many sign-in attempts. Try again in ${Math.ceil(counted.retryAfterSeconds / 60)} min.`,
    );
  }
  const options = await authenticationOptions(null, "required");
  const nonce = newSignInNonce();
  await storeChallenge(options.challenge, "sign_in", { nonce });
  return { options, nonce };
}
