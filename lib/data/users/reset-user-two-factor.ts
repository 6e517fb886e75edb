// Admin: remove a user's 2FA (lost phone and codes): the TOTP key, the recovery codes and every
// passkey (each of which is a second factor). Everything the account has in flight ends
// (sessions, email-change and reset links, a set-up in progress); if a role of theirs requires 2FA,
// their next sign-in goes straight to enrolment. Never oneself, never from an impersonated
// session, never on an account holding permissions the viewer lacks, never on the last active
// Super Admin (who would otherwise be one lost phone away from nobody administering roles).
// An account left with no way in (no password and no linked provider that still signs in: a
// passkey-only account) is mailed a single-use link to choose a password with the notice.
import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { assertNotImpersonating } from "@/lib/auth/assert-not-impersonating";
import { endAccountActivity } from "@/lib/auth/end-account-activity";
import { issueToken } from "@/lib/auth/one-time-tokens";
import { signInMethodCounts } from "@/lib/data/passkeys/sign-in-methods";
import { emailLinks } from "@/lib/http/urls";
import type { Viewer } from "@/lib/auth/viewer";
import { sendEmail } from "@/lib/email/send-email";
import { securityNoticeEmail } from "@/lib/email/messages";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { assertCanManageUser } from "@/lib/rbac/assert-can-manage-user";
import { assertNotLastSuperAdmin } from "@/lib/rbac/assert-last-super-admin";
import { requirePermission } from "@/lib/rbac/can";

export async function resetUserTwoFactor(viewer: Viewer | null, userId: unknown, ctx: RequestContext): Promise<void> {
  requirePermission(viewer, "sessions.manage");
  assertNotImpersonating(viewer);
  if (typeof userId !== "string") throw new NotFoundError("User not found.");
  if (userId === viewer.userId)
    throw new ForbiddenError("Use Settings → Security to change your own two-factor authentication.");
  const user = await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { id: true, firstName: true, email: true, totpEnabledAt: true, _count: { select: { passkeys: true } } },
    });
    if (!user) throw new NotFoundError("User not found.");
    await assertCanManageUser(viewer, user.id, tx);
    if (!user.totpEnabledAt && user._count.passkeys === 0)
      throw new ConflictError("This user does not have two-factor authentication.");
    await assertNotLastSuperAdmin(tx, user.id, "reset_two_factor");
    await tx.user.update({
      where: { id: user.id },
      data: { totpSecretEnc: null, totpEnabledAt: null, totpLastStep: null, totpSetUpUnverified: false },
    });
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    const { count: passkeysRemoved } = await tx.passkey.deleteMany({ where: { userId: user.id } });
    // Ending the account's activity retires earlier reset links too; a new one is issued after.
    const { sessionsEnded } = await endAccountActivity(user.id, {}, tx);
    const ways = await signInMethodCounts(user.id, tx);
    const reset =
      ways.password || ways.linkedAccounts > 0
        ? null
        : await issueToken({ userId: user.id, purpose: "password_reset" }, tx);
    await audit(
      {
        action: "admin.two_factor_reset",
        actorId: viewer.userId,
        targetType: "user",
        targetId: user.id,
        metadata: {
          before: "enabled",
          after: "disabled",
          sessionsEnded,
          totpRemoved: user.totpEnabledAt !== null,
          passkeysRemoved,
          passwordLinkSent: reset !== null,
        },
        context: ctx,
      },
      tx,
    );
    return { ...user, resetToken: reset?.token ?? null };
  });
  const notice = securityNoticeEmail(
    user.firstName,
    "Your two-factor authentication was reset",
    "An administrator removed two-factor authentication (authenticator app and passkeys) from your account, signed you out everywhere and cancelled any pending email-change or password-reset link. Set it up again after you sign in.",
  );
  await sendEmail(
    user.email,
    user.resetToken
      ? {
          ...notice,
          paragraphs: [
            ...notice.paragraphs.slice(0, 2),
            "Your passkeys were your only way to sign in, so choose a password with this link first:",
            ...notice.paragraphs.slice(2),
          ],
          action: { label: "Choose a password", url: emailLinks.resetPassword(user.resetToken) },
          note: "This link works once and expires in 30 minutes; after that, use “Forgot password” on the sign-in page.",
        }
      : notice,
  );
}
