// Revokes an invitation: its link stops working at once and nobody can accept it. Kept in the list
// as revoked, and audited.
import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import type { Viewer } from "@/lib/auth/viewer";
import { ConflictError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { requirePermission } from "@/lib/rbac/can";
import { invitationStatus } from "@/lib/validations/invitation";
import { findOpenInvitation } from "@/lib/data/invitations/find-open-invitation";

export async function revokeInvitation(
  viewer: Viewer | null,
  invitationId: unknown,
  ctx: RequestContext,
): Promise<{ email: string }> {
  requirePermission(viewer, "users.invite");
  return db.$transaction(async (tx) => {
    const invitation = await findOpenInvitation(tx, viewer, invitationId);
    const { count } = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count !== 1) throw new ConflictError("This invitation changed a moment ago. Reload the page.");
    await audit(
      {
        action: "invitation.revoked",
        actorId: viewer.userId,
        targetType: "invitation",
        targetId: invitation.id,
        metadata: {
          email: invitation.email,
          role: invitation.role.key,
          statusBefore: invitationStatus(invitation),
          statusAfter: "revoked",
        },
        context: ctx,
      },
      tx,
    );
    return { email: invitation.email };
  });
}
