// Invites an address with a role. The inviter needs users.invite and every permission the role
// grants (so only a Super Admin invites a Super Admin). An address that already has an account,
// or a pending invitation, is refused with 409. The link's token is stored hashed and works once,
// for 7 days. Audited in the same transaction; the mail goes out after it commits.
import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { randomToken, sha256 } from "@/lib/auth/crypto";
import type { Viewer } from "@/lib/auth/viewer";
import { invitationEmail } from "@/lib/email/invitation-messages";
import { sendEmail } from "@/lib/email/send-email";
import { ConflictError, ValidationError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { emailLinks } from "@/lib/http/urls";
import { requirePermission } from "@/lib/rbac/can";
import { createInvitationSchema, INVITATION_TTL_MS } from "@/lib/validations/invitation";
import { parseOrThrow } from "@/lib/validations/parse";
import { assertCanGrantRoleById } from "@/lib/rbac/assert-can-grant-role";
import { countInvitationMail } from "@/lib/data/invitations/count-invitation-mail";

export const accountExists = () =>
  new ConflictError("An account with this email address already exists.", {
    email: ["An account with this email address already exists."],
  });

export async function createInvitation(
  viewer: Viewer | null,
  input: unknown,
  ctx: RequestContext,
): Promise<{ id: string; email: string; expiresAt: Date }> {
  requirePermission(viewer, "users.invite");
  const data = parseOrThrow(createInvitationSchema, input);
  await countInvitationMail(viewer.userId, data.email);
  const token = randomToken();
  const created = await db.$transaction(async (tx) => {
    const role = await tx.role.findUnique({ where: { id: data.roleId }, select: { id: true, key: true, name: true } });
    if (!role) throw new ValidationError({ roleId: ["Choose a role."] });
    await assertCanGrantRoleById(viewer, role.id, tx);
    if (await tx.user.findUnique({ where: { email: data.email }, select: { id: true } })) throw accountExists();
    const now = new Date();
    const pending = await tx.invitation.findFirst({
      where: { email: data.email, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      select: { id: true },
    });
    if (pending) {
      throw new ConflictError("An invitation to this address is already pending. Resend or revoke it instead.", {
        email: ["An invitation to this address is already pending."],
      });
    }
    const invitation = await tx.invitation.create({
      data: {
        email: data.email,
        tokenHash: sha256(token),
        roleId: role.id,
        invitedById: viewer.userId,
        expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
        lastSentAt: now,
      },
      select: { id: true, email: true, expiresAt: true },
    });
    await audit(
      {
        action: "invitation.created",
        actorId: viewer.userId,
        targetType: "invitation",
        targetId: invitation.id,
        metadata: { email: invitation.email, role: role.key, expiresAt: invitation.expiresAt.toISOString() },
        context: ctx,
      },
      tx,
    );
    return { ...invitation, roleName: role.name };
  });
  await sendEmail(
    created.email,
    invitationEmail({
      inviterName: `${viewer.firstName} ${viewer.lastName}`.trim(),
      roleName: created.roleName,
      url: emailLinks.invitation(token),
      resent: false,
    }),
  );
  return { id: created.id, email: created.email, expiresAt: created.expiresAt };
}
