// Completes enrolment with a valid code: 2FA turns on and ten recovery codes are made, returned
// this once and only to the session that began the set-up (the PendingTotpEnrolment row names it;
// it must still be live). The key moves from the pending row to the user in one transaction. Any
// other half-finished sign-in of the account ends: it proved only the password. A session held
// back for enrolment is marked as the one that enrolled, and is released by
// finishTwoFactorEnrolment once the person has seen the codes.
import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { decryptSecret } from "@/lib/auth/crypto";
import { generateRecoveryCodes, hashRecoveryCode } from "@/lib/auth/recovery-codes";
import { assertNotImpersonating } from "@/lib/auth/assert-not-impersonating";
import { requireViewer } from "@/lib/auth/require-viewer";
import { acceptTotpCode } from "@/lib/auth/second-factor";
import type { Viewer } from "@/lib/auth/viewer";
import { emailUnverifiedError } from "@/lib/data/two-factor/start-totp-enrolment";
import { sendEmail } from "@/lib/email/send-email";
import { securityNoticeEmail } from "@/lib/email/messages";
import { ConflictError, RateLimitedError, ValidationError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { hit } from "@/lib/rate-limit/limiter";
import { LIMITS } from "@/lib/rate-limit/limits";
import { confirmTotpSchema } from "@/lib/validations/account";
import { parseOrThrow } from "@/lib/validations/parse";

export type EnrolmentResult = { recoveryCodes: string[] };

const NOTHING_TO_CONFIRM = "No set-up is in progress on this device, or it expired. Start again.";

export async function confirmTotpEnrolment(viewer: Viewer | null, input: unknown, ctx: RequestContext): Promise<EnrolmentResult> {
  requireViewer(viewer, ["active", "pending_enrolment"]);
  assertNotImpersonating(viewer);
  const { code } = parseOrThrow(confirmTotpSchema, input);
  const user = await db.user.findUniqueOrThrow({
    where: { id: viewer.userId },
    select: { totpEnabledAt: true, emailVerifiedAt: true, firstName: true, email: true, pendingTotp: { select: { id: true, sessionId: true, secretEnc: true, expiresAt: true } } },
  });
  if (user.totpEnabledAt) throw new ConflictError("Two-factor authentication is already on.");
  if (!user.emailVerifiedAt) throw emailUnverifiedError();
  const pending = user.pendingTotp;
  // Another session's set-up is answered like none at all: this session never saw that key.
  if (!pending || pending.sessionId !== viewer.sessionId || pending.expiresAt <= new Date()) throw new ConflictError(NOTHING_TO_CONFIRM);
  if (!(await acceptTotpCode(viewer.userId, decryptSecret(pending.secretEnc), code))) {
    const limit = await hit(LIMITS.secondFactorUser, viewer.userId);
    if (!limit.allowed) throw new RateLimitedError(limit.retryAfterSeconds);
    throw new ValidationError({ code: ["That code is not valid. Check the time on your phone and try the newest code."] });
  }
  const recoveryCodes = generateRecoveryCodes();
  await db.$transaction(async (tx) => {
    const now = new Date();
    // Only the very row this code was checked against, still live and still this session's (not
    // one replaced meanwhile), may be switched on.
    const { count: taken } = await tx.pendingTotpEnrolment.deleteMany({
      where: { id: pending.id, sessionId: viewer.sessionId, secretEnc: pending.secretEnc, expiresAt: { gt: now } },
    });
    if (taken !== 1) throw new ConflictError("The key changed or expired while you were confirming it. Start again and scan the new QR code.");
    const { count } = await tx.user.updateMany({
      where: { id: viewer.userId, totpEnabledAt: null },
      data: { totpSecretEnc: pending.secretEnc, totpEnabledAt: now, totpSetUpUnverified: false },
    });
    if (count !== 1) throw new ConflictError("Two-factor authentication is already on.");
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
