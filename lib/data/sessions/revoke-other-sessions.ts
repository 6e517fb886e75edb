// "Sign out everywhere else": every session of the viewer but the current one, and everything else
// in flight that another session may have started (email-change and reset links, a 2FA set-up).
import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { endAccountActivity } from "@/lib/auth/end-account-activity";
import { assertNotImpersonating } from "@/lib/auth/assert-not-impersonating";
import { requireViewer } from "@/lib/auth/require-viewer";
import type { Viewer } from "@/lib/auth/viewer";
import type { RequestContext } from "@/lib/http/request-context";

export async function revokeOtherSessions(viewer: Viewer | null, ctx: RequestContext): Promise<{ revoked: number }> {
  requireViewer(viewer);
  assertNotImpersonating(viewer);
  const count = await db.$transaction(async (tx) => {
    const { sessionsEnded } = await endAccountActivity(viewer.userId, { exceptSessionId: viewer.sessionId }, tx);
    await audit({ action: "auth.other_sessions_revoked", actorId: viewer.userId, targetType: "user", targetId: viewer.userId, metadata: { revoked: sessionsEnded }, context: ctx }, tx);
    return sessionsEnded;
  });
  return { revoked: count };
}
