// Admin: remove a user's 2FA (lost phone and codes). Everything the account has in flight ends
// (sessions, email-change and reset links, a set-up in progress); if a role of theirs requires 2FA,
// their next sign-in goes straight to enrolment.
import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { endAccountActivity } from "@/lib/auth/end-account-activity";
import type { Viewer } from "@/lib/auth/viewer";
import { sendEmail } from "@/lib/email/send-email";
import { securityNoticeEmail } from "@/lib/email/messages";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { assertCanManageUser } from "@/lib/rbac/assert-can-manage-user";
import { requirePermission } from "@/lib/rbac/can";

export async function resetUserTwoFactor(viewer: Viewer | null, userId: unknown, ctx: RequestContext): Promise<void> {
  requirePermission(viewer, "sessions.manage");
  if (typeof userId !== "string") throw new NotFoundError("User not found.");
  if (userId === viewer.userId) throw new ForbiddenError("Use Settings → Security to change your own two-factor authentication.");
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, firstName: true, email: true, totpEnabledAt: true } });
  if (!user) throw new NotFoundError("User not found.");
  await assertCanManageUser(viewer, user.id, db);
  if (!user.totpEnabledAt) throw new ConflictError("This user does not have two-factor authentication.");
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { totpSecretEnc: null, totpEnabledAt: null, totpLastStep: null, totpSetUpUnverified: false } });
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    const { sessionsEnded } = await endAccountActivity(user.id, {}, tx);
    await audit({ action: "admin.two_factor_reset", actorId: viewer.userId, targetType: "user", targetId: user.id, metadata: { sessionsEnded }, context: ctx }, tx);
  });
  await sendEmail(user.email, securityNoticeEmail(user.firstName, "Your two-factor authentication was reset", "An administrator removed two-factor authentication from your account, signed you out everywhere and cancelled any pending email-change or password-reset link. Set it up again after you sign in."));
}
