// The second step of a 2FA sign-in: a valid TOTP or recovery code, or an assertion by one of the
// account's passkeys, turns the pending session into a full one (under a new token).
import "server-only";
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { requireViewer } from "@/lib/auth/require-viewer";
import { rotateSession } from "@/lib/auth/sessions";
import { countSecondFactorAttempt, verifySecondFactor } from "@/lib/auth/second-factor";
import type { Viewer } from "@/lib/auth/viewer";
import { sendEmail } from "@/lib/email/send-email";
import { securityNoticeEmail } from "@/lib/email/messages";
import { challengeOfResponse, consumeChallenge, verifyAssertion } from "@/lib/auth/webauthn";
import { UnauthenticatedError, ValidationError } from "@/lib/errors";
import { refund, reset } from "@/lib/rate-limit/limiter";
import { LIMITS } from "@/lib/rate-limit/limits";
import { passkeyAssertionSchema } from "@/lib/validations/passkeys";
import type { RequestContext } from "@/lib/http/request-context";
import { secondFactorSchema } from "@/lib/validations/account";
import { parseOrThrow } from "@/lib/validations/parse";

export async function completeSecondFactor(
  viewer: Viewer | null,
  input: unknown,
  ctx: RequestContext,
): Promise<{ token: string; remember: boolean }> {
  requireViewer(viewer, ["pending_second_factor"]);
  const { method, code } = parseOrThrow(secondFactorSchema, input);
  const user = await db.user.findUniqueOrThrow({
    where: { id: viewer.userId },
    select: { id: true, firstName: true, email: true, totpSecretEnc: true },
  });
  await verifySecondFactor(user, method, code, ctx, "code", "sign_in");
  const rotated = await rotateSession(viewer.sessionId, "active");
  if (!rotated) throw new UnauthenticatedError("Your sign-in expired. Start again.");
  await audit({
    action: "auth.sign_in_succeeded",
    actorId: user.id,
    targetType: "user",
    targetId: user.id,
    metadata: { method: `password+${method}` },
    context: ctx,
  });
  if (method === "recovery") {
    const left = await db.recoveryCode.count({ where: { userId: user.id, usedAt: null } });
    await audit({
      action: "auth.recovery_code_used",
      actorId: user.id,
      targetType: "user",
      targetId: user.id,
      metadata: { left },
      context: ctx,
    });
    await sendEmail(
      user.email,
      securityNoticeEmail(
        user.firstName,
        "A recovery code was used",
        `Someone signed in to your account with a recovery code${ctx.ip ? ` from ${ctx.ip}` : ""}. You have ${left} left; make a new set in Settings → Security if you are running low.`,
      ),
    );
  }
  return rotated;
}

const passkeyRefused = (message: string) => new ValidationError({ response: [message] }, message);

/**
 * The second factor given by a passkey: the challenge bound to this pending session is spent, the
 * credential must be one of the account's own, and the assertion must verify (user verification is
 * not required here: the password was the first factor). The counter is checked as at a password-less
 * sign-in. Attempts count on the same limits as wrong codes.
 */
export async function completeSecondFactorWithPasskey(
  viewer: Viewer | null,
  input: unknown,
  ctx: RequestContext,
): Promise<{ token: string; remember: boolean }> {
  requireViewer(viewer, ["pending_second_factor"]);
  const { response: parsed } = parseOrThrow(passkeyAssertionSchema, input);
  const response = parsed as AuthenticationResponseJSON;
  const userKey = viewer.userId;
  const ipKey = ctx.ip ?? "unknown";
  await countSecondFactorAttempt(userKey, ctx, "Too many attempts.");
  const fail = async (reason: string, passkeyId?: string) => {
    await audit({
      action: "auth.second_factor_failed",
      actorId: null,
      targetType: "user",
      targetId: viewer.userId,
      metadata: { method: "passkey", reason, ...(passkeyId ? { passkeyId } : {}) },
      context: ctx,
    });
  };
  const challenge = challengeOfResponse(response);
  if (
    !challenge ||
    !(await consumeChallenge(challenge, "second_factor", { userId: viewer.userId, sessionId: viewer.sessionId }))
  ) {
    await fail("challenge_invalid");
    throw passkeyRefused("This passkey request expired or was already used. Try again.");
  }
  // Only the account's own passkeys: another person's credential is as unknown as a made-up one.
  const passkey = await db.passkey.findFirst({
    where: { credentialId: response.id, userId: viewer.userId },
    select: { id: true, credentialId: true, publicKey: true, counter: true, transports: true },
  });
  if (!passkey) {
    await fail("unknown_credential");
    throw passkeyRefused("That passkey is not registered to this account.");
  }
  const result = await verifyAssertion(response, passkey, challenge, false);
  if (!result.ok) {
    await audit({
      action: "auth.passkey_sign_in_failed",
      actorId: null,
      targetType: "user",
      targetId: viewer.userId,
      metadata: { reason: result.reason, passkeyId: passkey.id, purpose: "second_factor" },
      context: ctx,
    });
    throw passkeyRefused(
      result.reason === "counter_regression"
        ? "This passkey was refused: its use counter went backwards, which happens when an authenticator was copied."
        : "The passkey could not be verified. Try again.",
    );
  }
  const now = new Date();
  const rotated = await db.$transaction(async (tx) => {
    const { count } = await tx.passkey.updateMany({
      where: { id: passkey.id, counter: passkey.counter },
      data: { counter: result.newCounter, lastUsedAt: now, backedUp: result.backedUp },
    });
    if (count !== 1) return "counter" as const;
    const next = await rotateSession(viewer.sessionId, "active", tx);
    if (!next) return null;
    await audit(
      {
        action: "auth.passkey_used",
        actorId: viewer.userId,
        targetType: "user",
        targetId: viewer.userId,
        metadata: { passkeyId: passkey.id, purpose: "second_factor" },
        context: ctx,
      },
      tx,
    );
    await audit(
      {
        action: "auth.sign_in_succeeded",
        actorId: viewer.userId,
        targetType: "user",
        targetId: viewer.userId,
        metadata: { method: "password+passkey" },
        context: ctx,
      },
      tx,
    );
    return next;
  });
  if (rotated === "counter") {
    await audit({
      action: "auth.passkey_sign_in_failed",
      actorId: null,
      targetType: "user",
      targetId: viewer.userId,
      metadata: { reason: "counter_regression", passkeyId: passkey.id, purpose: "second_factor" },
      context: ctx,
    });
    throw passkeyRefused(
      "This passkey was refused: its use counter went backwards, which happens when an authenticator was copied.",
    );
  }
  if (!rotated) throw new UnauthenticatedError("Your sign-in expired. Start again.");
  await Promise.all([reset(LIMITS.secondFactorUser, userKey), refund(LIMITS.secondFactorIp, ipKey)]);
  return rotated;
}
