// Completes enrolment with a valid code: 2FA turns on and ten recovery codes are made (returned
// this once). Any other half-finished sign-in of the account ends: it proved only the password. A
// session held back for enrolment is marked as the one that enrolled, and is released by
// finishTwoFactorEnrolment once the person has seen the codes.
import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { decryptSecret } from "@/lib/auth/crypto";
import { generateRecoveryCodes, hashRecoveryCode } from "@/lib/auth/recovery-codes";
import { requireViewer } from "@/lib/auth/require-viewer";
import { acceptTotpCode } from "@/lib/auth/second-factor";
import type { Viewer } from "@/lib/auth/viewer";
import { sendEmail } from "@/lib/email/send-email";
import { securityNoticeEmail } from "@/lib/email/messages";
import { ConflictError, RateLimitedError, ValidationError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { hit } from "@/lib/rate-limit/limiter";
import { LIMITS } from "@/lib/rate-limit/limits";
import { confirmTotpSchema } from "@/lib/validations/account";
import { parseOrThrow } from "@/lib/validations/parse";

export type EnrolmentResult = { recoveryCodes: string[] };

export async function confirmTotpEnrolment(viewer: Viewer | null, input: unknown, ctx: RequestContext): Promise<EnrolmentResult> {
  requireViewer(viewer, ["active", "pending_enrolment"]);
  const { code } = parseOrThrow(confirmTotpSchema, input);
  const user = await db.user.findUniqueOrThrow({ where: { id: viewer.userId }, select: { totpSecretEnc: true, totpEnabledAt: true, firstName: true, email: true } });
  if (user.totpEnabledAt) throw new ConflictError("Two-factor authentication is already on.");
  if (!user.totpSecretEnc) throw new ConflictError("Start the set-up first.");
  if (!(await acceptTotpCode(viewer.userId, decryptSecret(user.totpSecretEnc), code))) {
    const limit = await hit(LIMITS.secondFactorUser, viewer.userId);
    if (!limit.allowed) throw new RateLimitedError(limit.retryAfterSeconds);
    throw new ValidationError({ code: ["That code is not valid. Check the time on your phone and try the newest code."] });
  }
  const recoveryCodes = generateRecoveryCodes();
  await db.$transaction(async (tx) => {
    // Only the secret this code was checked against may be switched on (not one replaced meanwhile).
    const { count } = await tx.user.updateMany({ where: { id: viewer.userId, totpEnabledAt: null, totpSecretEnc: user.totpSecretEnc }, data: { totpEnabledAt: new Date() } });
    if (count !== 1) throw new ConflictError("The key changed while you were confirming it. Scan the new QR code and try again.");
    await tx.session.deleteMany({ where: { userId: viewer.userId, id: { not: viewer.sessionId }, state: { not: "active" } } });
    if (viewer.sessionState === "pending_enrolment") {
      await tx.session.update({ where: { id: viewer.sessionId }, data: { state: "enrolment_confirmed" } });
    }
    await tx.recoveryCode.deleteMany({ where: { userId: viewer.userId } });
    await tx.recoveryCode.createMany({ data: recoveryCodes.map((c) => ({ userId: viewer.userId, codeHash: hashRecoveryCode(c) })) });
    await audit({ action: "auth.two_factor_enabled", actorId: viewer.userId, targetType: "user", targetId: viewer.userId, context: ctx }, tx);
  });
  await sendEmail(user.email, securityNoticeEmail(user.firstName, "Two-factor authentication is on", "Signing in to your account now needs a code from your authenticator app."));
  return { recoveryCodes };
}
