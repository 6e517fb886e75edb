// Turns 2FA off: needs the current password and a valid code (from the app or a recovery code).
import "server-only";
import { db, dbProvider } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { confirmCurrentPassword } from "@/lib/auth/confirm-password";
import { looksLikeRecoveryCode } from "@/lib/auth/recovery-codes";
import { assertNotImpersonating } from "@/lib/auth/assert-not-impersonating";
import { requireViewer } from "@/lib/auth/require-viewer";
import { verifySecondFactor } from "@/lib/auth/second-factor";
import type { Viewer } from "@/lib/auth/viewer";
import { sendEmail } from "@/lib/email/send-email";
import { securityNoticeEmail } from "@/lib/email/messages";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { disableTotpSchema } from "@/lib/validations/account";
import { parseOrThrow } from "@/lib/validations/parse";

export async function disableTotp(viewer: Viewer | null, input: unknown, ctx: RequestContext): Promise<void> {
  requireViewer(viewer);
  assertNotImpersonating(viewer);
  const { currentPassword, code } = parseOrThrow(disableTotpSchema, input);
  const user = await db.user.findUniqueOrThrow({
    where: { id: viewer.userId },
    select: {
      id: true,
      firstName: true,
      email: true,
      totpSecretEnc: true,
      totpEnabledAt: true,
      _count: { select: { passkeys: true } },
      roles: { select: { role: { select: { requiresTwoFactor: true, name: true } } } },
    },
  });
  if (!user.totpEnabledAt) throw new ConflictError("Two-factor authentication is already off.");
  const requiring = user.roles.find((r) => r.role.requiresTwoFactor);
  // A passkey is a second factor too: with one, the authenticator app may go.
  if (requiring && user._count.passkeys === 0) {
    throw new ForbiddenError(
      `Your role ${requiring.role.name} requires two-factor authentication, so it cannot be turned off. Add a passkey first if you want to stop using the authenticator app.`,
    );
  }
  await confirmCurrentPassword(viewer.userId, currentPassword);
  await verifySecondFactor(
    user,
    looksLikeRecoveryCode(code) && !/^\d{6}$/.test(code.trim()) ? "recovery" : "totp",
    code,
    ctx,
  );
  await db.$transaction(async (tx) => {
    // Checked again under the user row's lock (the lock remove-passkey takes): a passkey removed
    // meanwhile must not leave a role that requires 2FA with no second factor at all.
    if (dbProvider === "postgresql")
      await tx.$queryRawUnsafe(`SELECT 1 FROM "User" WHERE "id" = $1 FOR UPDATE`, viewer.userId);
    if (requiring && (await tx.passkey.count({ where: { userId: viewer.userId } })) === 0) {
      throw new ForbiddenError(
        `Your role ${requiring.role.name} requires two-factor authentication, so it cannot be turned off without a passkey.`,
      );
    }
    await tx.user.update({
      where: { id: viewer.userId },
      data: { totpSecretEnc: null, totpEnabledAt: null, totpLastStep: null, totpSetUpUnverified: false },
    });
    await tx.recoveryCode.deleteMany({ where: { userId: viewer.userId } });
    await tx.pendingTotpEnrolment.deleteMany({ where: { userId: viewer.userId } });
    await audit(
      {
        action: "auth.two_factor_disabled",
        actorId: viewer.userId,
        targetType: "user",
        targetId: viewer.userId,
        context: ctx,
      },
      tx,
    );
  });
  await sendEmail(
    user.email,
    securityNoticeEmail(
      user.firstName,
      "Two-factor authentication is off",
      user._count.passkeys > 0
        ? "Your authenticator app no longer works for your account; your passkeys still do."
        : "Signing in to your account now needs only your password.",
    ),
  );
}
