// Releases a session that was held back until its user enrolled in 2FA (a role requires it). Only
// the session that itself confirmed the enrolment qualifies (state enrolment_confirmed); it
// becomes a full one under a new token.
import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { assertNotImpersonating } from "@/lib/auth/assert-not-impersonating";
import { requireViewer } from "@/lib/auth/require-viewer";
import { rotateSession } from "@/lib/auth/sessions";
import type { Viewer } from "@/lib/auth/viewer";
import { ConflictError, UnauthenticatedError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";

export async function finishTwoFactorEnrolment(viewer: Viewer | null, ctx: RequestContext): Promise<{ token: string; remember: boolean }> {
  requireViewer(viewer, ["enrolment_confirmed"]);
  assertNotImpersonating(viewer);
  const user = await db.user.findUniqueOrThrow({ where: { id: viewer.userId }, select: { totpEnabledAt: true } });
  if (!user.totpEnabledAt) throw new ConflictError("Set up two-factor authentication first.");
  const rotated = await rotateSession(viewer.sessionId, "active");
  if (!rotated) throw new UnauthenticatedError();
  await audit({ action: "auth.sign_in_succeeded", actorId: viewer.userId, targetType: "user", targetId: viewer.userId, metadata: { method: "password+enrolment" }, context: ctx });
  return rotated;
}
