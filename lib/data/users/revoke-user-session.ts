// Admin: sign a user out of one device. The session is looked up by id *and* user, so an id of
// someone else's session answers not found. Other sessions and links stay (revoke-user-sessions
// ends everything).
import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import type { Viewer } from "@/lib/auth/viewer";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { describeUserAgent } from "@/lib/http/user-agent";
import { assertCanManageUser } from "@/lib/rbac/assert-can-manage-user";
import { requirePermission } from "@/lib/rbac/can";
import { revokeUserSessionSchema } from "@/lib/validations/admin-user";
import { parseOrThrow } from "@/lib/validations/parse";

export async function revokeUserSession(viewer: Viewer | null, input: unknown, ctx: RequestContext): Promise<void> {
  requirePermission(viewer, "sessions.manage");
  const { userId, sessionId } = parseOrThrow(revokeUserSessionSchema, input);
  if (userId === viewer.userId) throw new ForbiddenError("Use Settings → Sessions for your own sessions.", "own_account");
  await db.$transaction(async (tx) => {
    const session = await tx.session.findFirst({ where: { id: sessionId, userId }, select: { id: true, userAgent: true, ipAddress: true } });
    if (!session) throw new NotFoundError("Session not found: it may have ended already.");
    await assertCanManageUser(viewer, userId, tx);
    await tx.pendingTotpEnrolment.deleteMany({ where: { sessionId: session.id } });
    await tx.session.deleteMany({ where: { id: session.id, userId } });
    await audit(
      {
        action: "admin.user_session_revoked",
        actorId: viewer.userId,
        targetType: "user",
        targetId: userId,
        metadata: { sessionId: session.id, device: describeUserAgent(session.userAgent), ipAddress: session.ipAddress },
        context: ctx,
      },
      tx,
    );
  });
}
