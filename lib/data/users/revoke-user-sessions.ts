// Admin: sign a user out everywhere, and end everything else the account has in flight
// (email-change and reset links, a 2FA set-up): whoever the admin is locking out may have asked
// for them. Not for oneself (Settings → Sessions signs out the other devices).
import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { endAccountActivity } from "@/lib/auth/end-account-activity";
import type { Viewer } from "@/lib/auth/viewer";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { assertCanManageUser } from "@/lib/rbac/assert-can-manage-user";
import { requirePermission } from "@/lib/rbac/can";

export async function revokeUserSessions(viewer: Viewer | null, userId: unknown, ctx: RequestContext): Promise<{ revoked: number }> {
  requirePermission(viewer, "sessions.manage");
  if (typeof userId !== "string") throw new NotFoundError("User not found.");
  if (userId === viewer.userId) throw new ForbiddenError("Use Settings → Sessions for your own sessions.", "own_account");
  const revoked = await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!user) throw new NotFoundError("User not found.");
    await assertCanManageUser(viewer, user.id, tx);
    const { sessionsEnded } = await endAccountActivity(user.id, {}, tx);
    await audit({ action: "admin.user_sessions_revoked", actorId: viewer.userId, targetType: "user", targetId: user.id, metadata: { revoked: sessionsEnded }, context: ctx }, tx);
    return sessionsEnded;
  });
  return { revoked };
}
