// Checks a second factor (TOTP code or recovery code) for a user. TOTP codes of a time step
// already used are refused (replay); recovery codes are spent atomically. Ten wrong codes lock
// code entry for 15 minutes and tell the owner by email.
import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { decryptSecret } from "@/lib/auth/crypto";
import { looksLikeRecoveryCode, recoveryCodeLookupHashes } from "@/lib/auth/recovery-codes";
import { matchTotpStep } from "@/lib/auth/totp";
import { sendEmail } from "@/lib/email/send-email";
import { secondFactorLockoutEmail } from "@/lib/email/messages";
import { RateLimitedError, ValidationError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { block, count, hit, refund, reset } from "@/lib/rate-limit/limiter";
import { LIMITS } from "@/lib/rate-limit/limits";

export type SecondFactorMethod = "totp" | "recovery";

/** Accepts a TOTP code for a secret and records its step, unless that step (or a later one) was used. */
export async function acceptTotpCode(userId: string, secret: string, code: string): Promise<boolean> {
  const step = matchTotpStep(code, secret);
  if (step === null) return false;
  const { count } = await db.user.updateMany({
    where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  return count === 1;
}

/** Spends a recovery code atomically; a set stored before the HMAC switch still matches by its old digest. */
async function spendRecoveryCode(userId: string, code: string): Promise<boolean> {
  if (!looksLikeRecoveryCode(code)) return false;
  const { count } = await db.recoveryCode.updateMany({
    where: { userId, codeHash: { in: recoveryCodeLookupHashes(code) }, usedAt: null },
    data: { usedAt: new Date() },
  });
  return count === 1;
}

/**
 * Who is typing the code: "sign_in" is the second step of a sign-in (the session is still pending,
 * so whoever types may be someone who guessed or stole the password: the log names no actor and
 * the account as the target); "step_up" is a signed-in person confirming a change (they are the actor).
 */
export type SecondFactorAttempt = "sign_in" | "step_up";

/**
 * Verifies a code of an enrolled user. Throws 429 while locked, a field error on `field` when
 * wrong; returns the method that matched.
 */
export async function verifySecondFactor(
  user: { id: string; firstName: string; email: string; totpSecretEnc: string | null },
  method: SecondFactorMethod,
  code: string,
  ctx: RequestContext,
  field = "code",
  attempt: SecondFactorAttempt = "step_up",
): Promise<SecondFactorMethod> {
  const actorId = attempt === "sign_in" ? null : user.id;
  const userKey = user.id;
  const ipKey = ctx.ip ?? "unknown";
  // Count first (atomically), verify after: a burst of concurrent guesses cannot exceed the limit.
  await countSecondFactorAttempt(user.id, ctx, "Too many wrong codes.");
  let ok = false;
  if (method === "totp" && user.totpSecretEnc)
    ok = await acceptTotpCode(user.id, decryptSecret(user.totpSecretEnc), code);
  if (method === "recovery") ok = await spendRecoveryCode(user.id, code);
  if (ok) {
    await Promise.all([reset(LIMITS.secondFactorUser, userKey), refund(LIMITS.secondFactorIp, ipKey)]);
    return method;
  }
  await audit({
    action: "auth.second_factor_failed",
    actorId,
    targetType: "user",
    targetId: user.id,
    metadata: { method },
    context: ctx,
  });
  const used = await count(LIMITS.secondFactorUser, userKey);
  if (used >= LIMITS.secondFactorUser.points) {
    await block(LIMITS.secondFactorUser, userKey, LIMITS.secondFactorUser.blockDuration);
    if (used === LIMITS.secondFactorUser.points) {
      await audit({
        action: "auth.second_factor_locked",
        actorId,
        targetType: "user",
        targetId: user.id,
        context: ctx,
      });
      await sendEmail(user.email, secondFactorLockoutEmail(user.firstName, ctx.ip));
    }
  }
  throw new ValidationError({
    [field]: [
      method === "totp"
        ? "That code is not valid. Codes change every 30 seconds; each works once."
        : "That recovery code is not valid or was already used.",
    ],
  });
}

/**
 * Counts one second-factor attempt against the per-IP and per-user limits (TOTP, recovery code
 * and passkey share them), before anything is verified; throws 429 with `refusal` when over.
 */
export async function countSecondFactorAttempt(userId: string, ctx: RequestContext, refusal: string): Promise<void> {
  for (const [spec, key] of [
    [LIMITS.secondFactorIp, ctx.ip ?? "unknown"],
    [LIMITS.secondFactorUser, userId],
  ] as const) {
    const counted = await hit(spec, key);
    if (!counted.allowed)
      throw new RateLimitedError(
        counted.retryAfterSeconds,
        `${refusal} Try again in ${Math.ceil(counted.retryAfterSeconds / 60)} min.`,
      );
  }
}
