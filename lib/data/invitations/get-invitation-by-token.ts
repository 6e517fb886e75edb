// What an invitation link leads to, for the acceptance page. Public: the link's token is the
// credential, and the answer tells its holder only about their own invitation (the address, the
// role, who invited them) and why it can no longer be used. Nothing is consumed by reading.
import "server-only";
import { db } from "@/lib/db";
import { sha256 } from "@/lib/auth/crypto";
import { tokenSchema } from "@/lib/validations/auth";
import { invitationStatus } from "@/lib/validations/invitation";

export type InvitationLookup =
  | { state: "usable"; email: string; roleName: string; inviterName: string | null; expiresAt: Date }
  /** Unknown, malformed, or replaced by a newer link (a resend). */
  | { state: "invalid" }
  | { state: "expired" | "revoked" | "accepted" }
  /** The address got an account some other way since it was invited. */
  | { state: "account_exists"; email: string };

export async function getInvitationByToken(rawToken: unknown): Promise<InvitationLookup> {
  const parsed = tokenSchema.safeParse(rawToken);
  if (!parsed.success) return { state: "invalid" };
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: sha256(parsed.data) },
    select: {
      email: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      role: { select: { name: true } },
      invitedBy: { select: { firstName: true, lastName: true } },
    },
  });
  if (!invitation) return { state: "invalid" };
  const status = invitationStatus(invitation);
  if (status !== "pending") return { state: status };
  if (await db.user.findUnique({ where: { email: invitation.email }, select: { id: true } })) {
    return { state: "account_exists", email: invitation.email };
  }
  return {
    state: "usable",
    email: invitation.email,
    roleName: invitation.role.name,
    inviterName: invitation.invitedBy
      ? `${invitation.invitedBy.firstName} ${invitation.invitedBy.lastName}`.trim()
      : null,
    expiresAt: invitation.expiresAt,
  };
}
