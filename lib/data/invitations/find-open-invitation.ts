// The invitation a resend or revoke is about, read inside its transaction: one that was neither
// accepted nor revoked (an expired one can still be resent or revoked). Whoever acts on it needs
// every permission of its role, as for creating it.
import "server-only";
import type { Tx } from "@/lib/db";
import type { Viewer } from "@/lib/auth/viewer";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { assertCanGrantRoleById } from "@/lib/rbac/assert-can-grant-role";

export async function findOpenInvitation(tx: Tx, viewer: Viewer, invitationId: unknown) {
  if (typeof invitationId !== "string" || !invitationId) throw new NotFoundError("Invitation not found.");
  const invitation = await tx.invitation.findUnique({
    where: { id: invitationId },
    select: {
      id: true,
      email: true,
      tokenHash: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      role: { select: { id: true, key: true, name: true } },
    },
  });
  if (!invitation) throw new NotFoundError("Invitation not found.");
  if (invitation.acceptedAt) throw new ConflictError("This invitation was accepted already.");
  if (invitation.revokedAt) throw new ConflictError("This invitation was revoked.");
  await assertCanGrantRoleById(
    viewer,
    invitation.role.id,
    tx,
    "This invitation's role grants permissions you do not hold, so you cannot manage it.",
  );
  return invitation;
}
