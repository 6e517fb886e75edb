// Signs out one of the viewer's other devices. The lookup is by id AND owner, so nobody can end a
// session that is not theirs.
import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { assertNotImpersonating } from "@/lib/auth/assert-not-impersonating";
import { requireViewer } from "@/lib/auth/require-viewer";
import type { Viewer } from "@/lib/auth/viewer";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";

export async function revokeOwnSession(viewer: Viewer | null, sessionId: unknown, ctx: RequestContext): Promise<void> {
  requireViewer(viewer);
  assertNotImpersonating(viewer);
  if (typeof sessionId !== "string" || sessionId.length > 64) throw new NotFoundError("Session not found.");
  if (sessionId === viewer.sessionId) throw new ConflictError("This is the session you are using: sign out instead.");
  const { count } = await db.session.deleteMany({ where: { id: sessionId, userId: viewer.userId } });
  if (count === 0) throw new NotFoundError("Session not found. It may have ended already.");
  await audit({ action: "auth.session_revoked", actorId: viewer.userId, targetType: "session", targetId: sessionId, context: ctx });
}
