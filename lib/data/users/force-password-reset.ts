// Admin: make a user choose a new password. Sends the standard reset link (the same single-use,
// 30-minute token the "forgot password" flow issues, consumed by the same reset page). With
// `signOut` (the default) every session and in-flight link ends now, in the same transaction;
// without it the current password keeps working until the new one is set (which then ends every
// session, as any reset does). Not for oneself (Settings → Security), not for a banned account,
// not from an impersonated session.
import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { assertNotImpersonating } from "@/lib/auth/assert-not-impersonating";
import { endAccountActivity } from "@/lib/auth/end-account-activity";
import { issueToken } from "@/lib/auth/one-time-tokens";
import type { Viewer } from "@/lib/auth/viewer";
import { adminPasswordResetEmail } from "@/lib/email/admin-messages";
import { sendEmail } from "@/lib/email/send-email";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { emailLinks } from "@/lib/http/urls";
import { assertCanManageUser } from "@/lib/rbac/assert-can-manage-user";
import { requirePermission } from "@/lib/rbac/can";
import { forcePasswordResetSchema } from "@/lib/validations/admin-user";
import { parseOrThrow } from "@/lib/validations/parse";

export async function forcePasswordReset(
  viewer: Viewer | null,
  input: unknown,
  ctx: RequestContext,
): Promise<{ email: string; sessionsEnded: number }> {
  requirePermission(viewer, "users.manage");
  assertNotImpersonating(viewer);
  const { userId, signOut } = parseOrThrow(forcePasswordResetSchema, input);
  if (userId === viewer.userId)
    throw new ForbiddenError("Use Settings → Security to change your own password.", "own_account");
  const { user, token, sessionsEnded, passkeysRemoved } = await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { id: true, status: true, email: true, firstName: true },
    });
    if (!user) throw new NotFoundError("User not found.");
    await assertCanManageUser(viewer, user.id, tx);
    if (user.status !== "active")
      throw new ConflictError("This account is banned: lift the ban before sending a reset link.");
    // Ending the account's activity retires earlier reset links too; the new one is issued after.
    const { sessionsEnded, apiKeysRevoked } = signOut
      ? await endAccountActivity(user.id, { revokeApiKeys: true }, tx)
      : { sessionsEnded: 0, apiKeysRevoked: 0 };
    // Signing out everywhere answers a taken-over account: a passkey the intruder added would
    // sign in again without the password, so the passkeys go too.
    const { count: passkeysRemoved } = signOut
      ? await tx.passkey.deleteMany({ where: { userId: user.id } })
      : { count: 0 };
    // Likewise a provider identity the intruder linked.
    const { count: linksRemoved } = signOut
      ? await tx.account.deleteMany({ where: { userId: user.id } })
      : { count: 0 };
    const { token } = await issueToken({ userId: user.id, purpose: "password_reset" }, tx);
    await audit(
      {
        action: "admin.password_reset_forced",
        actorId: viewer.userId,
        targetType: "user",
        targetId: user.id,
        metadata: { signedOut: signOut, sessionsEnded, apiKeysRevoked, passkeysRemoved, linksRemoved },
        context: ctx,
      },
      tx,
    );
    return { user, token, sessionsEnded, passkeysRemoved };
  });
  await sendEmail(
    user.email,
    adminPasswordResetEmail(user.firstName, emailLinks.resetPassword(token), signOut, passkeysRemoved),
  );
  return { email: user.email, sessionsEnded };
}
