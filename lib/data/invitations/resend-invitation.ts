// Sends an invitation again with a new link and a new 7-day expiry; the old link stops working at
// once (only the new token's hash is kept). Refused when the address has an account by now.
import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { randomToken, sha256 } from "@/lib/auth/crypto";
import type { Viewer } from "@/lib/auth/viewer";
import { invitationEmail } from "@/lib/email/invitation-messages";
import { sendEmail } from "@/lib/email/send-email";
import { ConflictError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { emailLinks } from "@/lib/http/urls";
import { requirePermission } from "@/lib/rbac/can";
import { INVITATION_TTL_MS } from "@/lib/validations/invitation";
import { accountExists } from "@/lib/data/invitations/create-invitation";
import { countInvitationMail } from "@/lib/data/invitations/count-invitation-mail";
import { findOpenInvitation } from "@/lib/data/invitations/find-open-invitation";

export async function resendInvitation(
  viewer: Viewer | null,
  invitationId: unknown,
  ctx: RequestContext,
): Promise<{ email: string; expiresAt: Date }> {
  requirePermission(viewer, "users.invite");
  const token = randomToken();
  const sent = await db.$transaction(async (tx) => {
    const invitation = await findOpenInvitation(tx, viewer, invitationId);
    if (await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } })) throw accountExists();
    await countInvitationMail(viewer.userId, invitation.email);
    const now = new Date();
    const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
    // Conditional on the token it read: of two resends (or a resend and an acceptance) one wins.
    const { count } = await tx.invitation.updateMany({
      where: { id: invitation.id, tokenHash: invitation.tokenHash, acceptedAt: null, revokedAt: null },
      data: { tokenHash: sha256(token), expiresAt, lastSentAt: now },
    });
    if (count !== 1) throw new ConflictError("This invitation changed a moment ago. Reload the page.");
    await audit(
      {
        action: "invitation.resent",
        actorId: viewer.userId,
        targetType: "invitation",
        targetId: invitation.id,
        metadata: {
          email: invitation.email,
          role: invitation.role.key,
          expiresAtBefore: invitation.expiresAt.toISOString(),
          expiresAtAfter: expiresAt.toISOString(),
        },
        context: ctx,
      },
      tx,
    );
    return { email: invitation.email, expiresAt, roleName: invitation.role.name };
  });
  await sendEmail(
    sent.email,
    invitationEmail({
      inviterName: `${viewer.firstName} ${viewer.lastName}`.trim(),
      roleName: sent.roleName,
      url: emailLinks.invitation(token),
      resent: true,
    }),
  );
  return { email: sent.email, expiresAt: sent.expiresAt };
}
