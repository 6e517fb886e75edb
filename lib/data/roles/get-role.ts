// One role for the editor: its own permissions, everything it holds through its ancestors and
// where each permission comes from, its parent and children, and its members (the first 50).
import "server-only";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth/viewer";
import { loadRoleGraph } from "@/lib/rbac/load-role-graph";
import { NotFoundError } from "@/lib/errors";
import { requirePermission } from "@/lib/rbac/can";
import { ALL_PERMISSIONS, type Permission } from "@/lib/rbac/permissions";
import { ancestry, effectiveRolePermissions, roleRequiresTwoFactor } from "@/lib/rbac/role-graph";

export const ROLE_MEMBERS_SHOWN = 50;

type RoleRef = { id: string; name: string };

export type RoleDetail = {
  id: string;
  key: string;
  name: string;
  description: string;
  builtIn: boolean;
  requiresTwoFactor: boolean;
  /** Set on the role or on an ancestor (then `twoFactorFrom` names the nearest such role). */
  effectiveRequiresTwoFactor: boolean;
  twoFactorFrom: RoleRef | null;
  parent: RoleRef | null;
  /** The role, its parent, grandparent… */
  ancestry: RoleRef[];
  children: RoleRef[];
  /** Catalogue order. */
  permissions: Permission[];
  /** Catalogue order; `from` lists the roles granting it, nearest first (the role itself first when it does). */
  effectivePermissions: { key: Permission; from: RoleRef[] }[];
  members: { id: string; name: string; username: string; email: string }[];
  memberCount: number;
  /** Invitations not yet accepted, revoked or expired that offer this role. */
  pendingInvitationCount: number;
};

export async function getRole(viewer: Viewer | null, roleId: unknown): Promise<RoleDetail> {
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
  const parent = role.parentId ? graph.get(role.parentId) : undefined;
  const chain = ancestry(roleId, graph);
  const twoFactorFrom = chain.find((r) => r.requiresTwoFactor);
  return {
    id: role.id,
    key: role.key,
    name: role.name,
    description: role.description,
    builtIn: role.builtIn,
    requiresTwoFactor: role.requiresTwoFactor,
    effectiveRequiresTwoFactor: roleRequiresTwoFactor(roleId, graph),
    twoFactorFrom: twoFactorFrom ? ref(twoFactorFrom) : null,
    parent: parent ? ref(parent) : null,
    ancestry: chain.map(ref),
    children: [...graph.values()]
      .filter((r) => r.parentId === roleId)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map(ref),
    permissions: ALL_PERMISSIONS.filter((p) => role.permissions.includes(p)),
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
