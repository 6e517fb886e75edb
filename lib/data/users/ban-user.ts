// Admin: ban an account with a reason. The ban, the end of every session, the retirement of every
// in-flight link and 2FA set-up, and the audit row commit together; a request already under way
// with one of the ended sessions is signed out on its next request (sessions are checked on each).
// The person is emailed the reason. Never oneself, never an account holding permissions the
// viewer lacks, never the last active Super Admin. With `expectedVersion` (If-Match over the API)
// an account changed since it was read is 412.
import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { endAccountActivity } from "@/lib/auth/end-account-activity";
import type { Actor } from "@/lib/auth/actor";
import { accountBannedEmail } from "@/lib/email/admin-messages";
import { sendEmail } from "@/lib/email/send-email";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { log } from "@/lib/log";
import { assertCanManageUser } from "@/lib/rbac/assert-can-manage-user";
import { assertNotLastSuperAdmin } from "@/lib/rbac/assert-last-super-admin";
import { requirePermission } from "@/lib/rbac/can";
import { banUserSchema } from "@/lib/validations/admin-user";
import { parseOrThrow } from "@/lib/validations/parse";
import { assertAccountVersion, readAccountVersion } from "@/lib/data/users/user-version";

export const OWN_BAN_REFUSAL = "You cannot ban yourself.";

/** One ban, guard rails included (also used by bulk-ban-users with an already validated reason). */
export async function banOneUser(
  viewer: Actor | null,
  userId: string,
  reason: string,
  ctx: RequestContext,
  expectedVersion?: number,
): Promise<{ sessionsEnded: number; version: number }> {
  requirePermission(viewer, "users.manage");
  if (userId === viewer.userId) throw new ForbiddenError(OWN_BAN_REFUSAL, "own_account");
  const { user, sessionsEnded, version } = await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, status: true, email: true, firstName: true } });
    if (!user) throw new NotFoundError("User not found.");
    await assertCanManageUser(viewer, user.id, tx);
    await assertAccountVersion(tx, user.id, expectedVersion);
    if (user.status === "banned") throw new ConflictError("This user is already banned.");
    await assertNotLastSuperAdmin(tx, user.id, "ban");
    const { count } = await tx.user.updateMany({
      where: { id: user.id, status: "active" },
      data: { status: "banned", bannedAt: new Date(), banReason: reason },
    });
    if (count !== 1) throw new ConflictError("This user is already banned.");
    // Revoked, not only refused while banned: lifting the ban must not bring keys back to life.
    const { sessionsEnded, apiKeysRevoked } = await endAccountActivity(user.id, { revokeApiKeys: true }, tx);
    await audit(
      {
        action: "admin.user_banned",
        actorId: viewer.userId,
        targetType: "user",
        targetId: user.id,
        metadata: { before: user.status, after: "banned", reason, sessionsEnded, apiKeysRevoked },
        context: ctx,
      },
      tx,
    );
    return { user, sessionsEnded, version: (await readAccountVersion(tx, user.id))! };
  });
  // After the commit: the ban stands whether or not the notice goes out (sendEmail records and retries).
  await sendEmail(user.email, accountBannedEmail(user.firstName, reason)).catch((err: unknown) =>
    log.error({ err, userId: user.id }, "ban notice could not be queued"),
  );
  return { sessionsEnded, version };
}

/** Input: { userId, reason } (reason 3–500 characters). */
export async function banUser(
  viewer: Actor | null,
  input: unknown,
  ctx: RequestContext,
  expectedVersion?: number,
): Promise<{ sessionsEnded: number; version: number }> {
  requirePermission(viewer, "users.manage");
  const { userId, reason } = parseOrThrow(banUserSchema, input);
  return banOneUser(viewer, userId, reason, ctx, expectedVersion);
}
