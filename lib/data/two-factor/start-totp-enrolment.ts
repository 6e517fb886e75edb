// Begins enrolment: a new secret, encrypted at rest, in a PendingTotpEnrolment row bound to the
// session that asked for it and alive for ten minutes. Only that session sees the key and may
// confirm it, so another session of the account (a stolen cookie, a shared computer) can neither
// read a key being set up nor receive the recovery codes. The account's email must be verified
// first: otherwise someone who registered a victim's address could lock a second factor onto the
// account before the owner ever claims it (pre-hijack).
//
// The password is asked for unless the session checked it minutes ago (enrolment-needs-password.ts),
// so a hijacked session cannot bind the account to an attacker's authenticator, and replacing a key
// that is being set up always needs it, so whoever holds a session cannot swap the owner's key.
import "server-only";
import { isUniqueViolation } from "@/lib/db-sql";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { confirmCurrentPassword } from "@/lib/auth/confirm-password";
import { encryptSecret } from "@/lib/auth/crypto";
import { assertNotImpersonating } from "@/lib/auth/assert-not-impersonating";
import { requireViewer } from "@/lib/auth/require-viewer";
import { generateTotpSecret } from "@/lib/auth/totp";
import type { Viewer } from "@/lib/auth/viewer";
import { enrolmentNeedsPassword } from "@/lib/data/two-factor/enrolment-needs-password";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { passwordOnlySchema } from "@/lib/validations/account";
import { parseOrThrow } from "@/lib/validations/parse";

/** How long a key being set up may be confirmed. */
export const TOTP_ENROLMENT_MS = 10 * 60_000;

export const emailUnverifiedError = () =>
  new ForbiddenError(
    "Verify your email address before turning on two-factor authentication: open the link we sent you.",
    "email_unverified",
  );

const passwordToReplace = () =>
  new ValidationError(
    { currentPassword: ["Enter your password to replace the key that is being set up."] },
    "Enter your password to replace the key that is being set up.",
  );

export async function startTotpEnrolment(
  viewer: Viewer | null,
  input: unknown,
  ctx: RequestContext,
): Promise<{ expiresAt: Date }> {
  requireViewer(viewer, ["active", "pending_enrolment"]);
  assertNotImpersonating(viewer);
  if (viewer.twoFactorEnabled) throw new ConflictError("Two-factor authentication is already on.");
  if (!viewer.emailVerified) throw emailUnverifiedError();
  const withPassword = await enrolmentNeedsPassword(viewer);
  if (withPassword) {
    const { currentPassword } = parseOrThrow(passwordOnlySchema, input);
    await confirmCurrentPassword(viewer.userId, currentPassword);
  }
  const secretEnc = encryptSecret(generateTotpSecret());
  try {
    return await db.$transaction(async (tx) => {
      const now = new Date();
      const user = await tx.user.findUniqueOrThrow({
        where: { id: viewer.userId },
        select: { totpEnabledAt: true, emailVerifiedAt: true },
      });
      if (user.totpEnabledAt) throw new ConflictError("Two-factor authentication is already on.");
      if (!user.emailVerifiedAt) throw emailUnverifiedError();
      // Without the password only an expired set-up may be replaced; a live one then stays and the
      // insert below fails on the one-per-account index (also when one was started meanwhile).
      const { count: replaced } = await tx.pendingTotpEnrolment.deleteMany({
        where: { userId: viewer.userId, ...(withPassword ? {} : { expiresAt: { lte: now } }) },
      });
      const expiresAt = new Date(now.getTime() + TOTP_ENROLMENT_MS);
      await tx.pendingTotpEnrolment.create({
        data: { userId: viewer.userId, sessionId: viewer.sessionId, secretEnc, expiresAt },
      });
      // A fresh key starts with no used time step.
      await tx.user.update({ where: { id: viewer.userId }, data: { totpLastStep: null } });
      await audit(
        {
          action: "auth.two_factor_enrolment_started",
          actorId: viewer.userId,
          targetType: "user",
          targetId: viewer.userId,
          metadata: { replaced: replaced > 0 },
          context: ctx,
        },
        tx,
      );
      return { expiresAt };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    if (!withPassword) throw passwordToReplace();
    throw new ConflictError("Set-up was started from another device at the same moment. Try again.");
  }
}
