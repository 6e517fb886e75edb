// "Sign out everywhere else": every session of the viewer but the current one, and any pending
// email-change or reset link (someone who had the session may have asked for one).
import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { retireAccountLinks } from "@/lib/auth/one-time-tokens";
import { requireViewer } from "@/lib/auth/require-viewer";
import type { Viewer } from "@/lib/auth/viewer";
import type { RequestContext } from "@/lib/http/request-context";

export async function revokeOtherSessions(viewer: Viewer | null, ctx: RequestContext): Promise<{ revoked: number }> {
  requireViewer(viewer);
  const count = await db.$transaction(async (tx) => {
    const { count } = await tx.session.deleteMany({ where: { userId: viewer.userId, id: { not: viewer.sessionId } } });
    await retireAccountLinks(viewer.userId, tx);
    return count;
  });
  await audit({ action: "auth.other_sessions_revoked", actorId: viewer.userId, targetType: "user", targetId: viewer.userId, metadata: { revoked: count }, context: ctx });
  return { revoked: count };
}
