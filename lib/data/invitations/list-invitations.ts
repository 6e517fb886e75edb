// The invitations page: open invitations (pending or expired, still resendable) first, newest
// first, then the history (accepted and revoked). Each row says whether the viewer may resend or
// revoke it (they must hold every permission of its role), and which roles they may invite with.
import "server-only";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth/viewer";
import { requirePermission } from "@/lib/rbac/can";
import { invitationStatus, type InvitationStatus } from "@/lib/validations/invitation";
import { roleRequiresTwoFactor } from "@/lib/rbac/role-graph";
import { canGrantRole } from "@/lib/rbac/assert-can-grant-role";
import { loadRoleGraph } from "@/lib/rbac/load-role-graph";

export type InvitationListItem = {
  id: string;
  email: string;
  roleName: string;
  invitedBy: string | null;
  createdAt: Date;
  lastSentAt: Date;
  expiresAt: Date;
  status: InvitationStatus;
  /** When it was accepted or revoked. */
  closedAt: Date | null;
  acceptedUsername: string | null;
  canManage: boolean;
};

export type InvitableRole = { id: string; key: string; name: string; description: string; requiresTwoFactor: boolean };

const OPEN_LIMIT = 200;
const HISTORY_LIMIT = 50;

export async function listInvitations(viewer: Viewer | null): Promise<{
  open: InvitationListItem[];
  history: InvitationListItem[];
  roles: InvitableRole[];
}> {
  requirePermission(viewer, "users.invite");
  const select = {
    id: true,
    email: true,
    roleId: true,
    createdAt: true,
    lastSentAt: true,
    expiresAt: true,
    acceptedAt: true,
    acceptedUserId: true,
    revokedAt: true,
    role: { select: { name: true } },
    invitedBy: { select: { firstName: true, lastName: true } },
  } as const;
  const [graph, open, closed, roleRows] = await Promise.all([
    loadRoleGraph(db),
    db.invitation.findMany({
      where: { acceptedAt: null, revokedAt: null },
      orderBy: [{ lastSentAt: "desc" }, { id: "desc" }],
      take: OPEN_LIMIT,
      select,
    }),
    db.invitation.findMany({
      where: { OR: [{ acceptedAt: { not: null } }, { revokedAt: { not: null } }] },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: HISTORY_LIMIT,
      select,
    }),
    db.role.findMany({
      orderBy: [{ builtIn: "desc" }, { createdAt: "asc" }, { name: "asc" }],
      select: { id: true, key: true, name: true, description: true },
    }),
  ]);
  const acceptedIds = closed.map((r) => r.acceptedUserId).filter((id): id is string => !!id);
  const accepted = acceptedIds.length
    ? await db.user.findMany({ where: { id: { in: acceptedIds } }, select: { id: true, username: true } })
    : [];
  const usernameOf = new Map(accepted.map((u) => [u.id, u.username]));
  const now = new Date();
  const item = (r: (typeof open)[number]): InvitationListItem => ({
    id: r.id,
    email: r.email,
    roleName: r.role.name,
    invitedBy: r.invitedBy ? `${r.invitedBy.firstName} ${r.invitedBy.lastName}`.trim() : null,
    createdAt: r.createdAt,
    lastSentAt: r.lastSentAt,
    expiresAt: r.expiresAt,
    status: invitationStatus(r, now),
    closedAt: r.acceptedAt ?? r.revokedAt,
    acceptedUsername: r.acceptedUserId ? (usernameOf.get(r.acceptedUserId) ?? null) : null,
    canManage: canGrantRole(viewer, r.roleId, graph),
  });
  return {
    open: open.map(item),
    history: closed.map(item),
    roles: roleRows
      .filter((r) => canGrantRole(viewer, r.id, graph))
      .map((r) => ({
        id: r.id,
        key: r.key,
        name: r.name,
        description: r.description,
        requiresTwoFactor: roleRequiresTwoFactor(r.id, graph),
      })),
  };
}
