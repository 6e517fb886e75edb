// Admin: sign a user out everywhere, and end everything else the account has in flight
// (email-change and reset links, a 2FA set-up): whoever the admin is locking out may have asked
// for them.
import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { endAccountActivity } from "@/lib/auth/end-account-activity";
import type { Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { assertCanManageUser } from "@/lib/rbac/assert-can-manage-user";
import { requirePermission } from "@/lib/rbac/can";

export async function revokeUserSessions(viewer: Viewer | null, userId: unknown, ctx: RequestContext): Promise<{ revoked: number }> {
  requirePermission(viewer, "sessions.manage");
  if (typeof userId !== "string") throw new NotFoundError("User not found.");
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!user) throw new NotFoundError("User not found.");
  await assertCanManageUser(viewer, user.id, db);
  const count = await db.$transaction(async (tx) => {
    const { sessionsEnded } = await endAccountActivity(user.id, {}, tx);
    await audit({ action: "admin.user_sessions_revoked", actorId: viewer.userId, targetType: "user", targetId: user.id, metadata: { revoked: sessionsEnded }, context: ctx }, tx);
    return sessionsEnded;
  });
  return { revoked: count };
}
