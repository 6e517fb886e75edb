// Signing out: the session row goes, so the cookie is worthless even if it was copied.
import "server-only";
import { audit } from "@/lib/audit/audit";
import { deleteSessionByToken } from "@/lib/auth/sessions";
import type { RequestContext } from "@/lib/http/request-context";

export async function endSession(sessionToken: string, ctx: RequestContext): Promise<void> {
  const row = await deleteSessionByToken(sessionToken);
  if (row) {
    await audit({ action: "auth.signed_out", actorId: row.userId, targetType: "session", targetId: row.id, context: ctx });
  }
}
