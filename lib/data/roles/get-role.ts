// One role for the editor: its own permissions, everything it holds through its ancestors and
// where each permission comes from, its parent and children, and its members (the first 50).
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { loadRoleGraph } from "@/lib/rbac/load-role-graph";
import { NotFoundError } from "@/lib/errors";
import { requirePermission } from "@/lib/rbac/can";
import { ALL_PERMISSIONS, type Permission } from "@/lib/rbac/permissions";
import { ancestry, effectiveRolePermissions } from "@/lib/rbac/role-graph";
import { describeRole, type RoleRef, type RoleSummary } from "@/lib/data/roles/describe-role";

export const ROLE_MEMBERS_SHOWN = 50;

export type RoleDetail = RoleSummary & {
  /** When 2FA is required through an ancestor (or the role itself), the nearest such role. */
  twoFactorFrom: RoleRef | null;
  /** The role, its parent, grandparent… */
  ancestry: RoleRef[];
  children: RoleRef[];
  /** Catalogue order; `from` lists the roles granting it, nearest first (the role itself first when it does). */
  effectivePermissions: { key: Permission; from: RoleRef[] }[];
  members: { id: string; name: string; username: string; email: string }[];
  memberCount: number;
  /** Invitations not yet accepted, revoked or expired that offer this role. */
  pendingInvitationCount: number;
};

export async function getRole(viewer: Actor | null, roleId: unknown): Promise<RoleDetail> {
  requirePermission(viewer, "roles.read");
  if (typeof roleId !== "string" || roleId.length > 64) throw new NotFoundError("Role not found.");
  const graph = await loadRoleGraph(db);
  const role = graph.get(roleId);
  if (!role) throw new NotFoundError("Role not found.");
  const [memberRows, memberCount, pendingInvitationCount] = await Promise.all([
    db.userRole.findMany({
      where: { roleId },
      orderBy: [{ user: { firstName: "asc" } }, { user: { lastName: "asc" } }, { userId: "asc" }],
      take: ROLE_MEMBERS_SHOWN,
      select: { user: { select: { id: true, firstName: true, lastName: true, username: true, email: true } } },
    }),
    db.userRole.count({ where: { roleId } }),
    db.invitation.count({ where: { roleId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } } }),
  ]);
  const ref = (r: { id: string; name: string }): RoleRef => ({ id: r.id, name: r.name });
  const effective = effectiveRolePermissions(roleId, graph);
  const chain = ancestry(roleId, graph);
  const twoFactorFrom = chain.find((r) => r.requiresTwoFactor);
  return {
    ...describeRole(role, graph),
    twoFactorFrom: twoFactorFrom ? ref(twoFactorFrom) : null,
    ancestry: chain.map(ref),
    children: [...graph.values()]
      .filter((r) => r.parentId === roleId)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map(ref),
    effectivePermissions: ALL_PERMISSIONS.filter((p) => effective.has(p)).map((key) => ({
      key,
      from: effective.get(key)!.map(ref),
    })),
    members: memberRows.map(({ user }) => ({
      id: user.id,
      name: `${user.firstName} ${user.lastName}`.trim(),
      username: user.username,
      email: user.email,
    })),
    memberCount,
    pendingInvitationCount,
  };
}
