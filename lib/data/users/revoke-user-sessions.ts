// Admin: sign a user out everywhere.
import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
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
  const { count } = await db.session.deleteMany({ where: { userId: user.id } });
  await audit({ action: "admin.user_sessions_revoked", actorId: viewer.userId, targetType: "user", targetId: user.id, metadata: { revoked: count }, context: ctx });
  return { revoked: count };
}
