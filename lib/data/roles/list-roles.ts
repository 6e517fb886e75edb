// The roles page: every role with what it grants (own and inherited), its parent and how many
// people hold it. Built-in roles first, in seed order, then custom roles by name.
import "server-only";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth/viewer";
import { loadRoleGraph } from "@/lib/rbac/load-role-graph";
import { requirePermission } from "@/lib/rbac/can";
import { ALL_PERMISSIONS, type Permission } from "@/lib/rbac/permissions";
import { effectiveRolePermissions, roleRequiresTwoFactor } from "@/lib/rbac/role-graph";

export type RoleListItem = {
  id: string;
  key: string;
  name: string;
  description: string;
  builtIn: boolean;
  /** Set on the role itself. */
  requiresTwoFactor: boolean;
  /** Set on the role or inherited from an ancestor. */
  effectiveRequiresTwoFactor: boolean;
  parent: { id: string; name: string } | null;
  memberCount: number;
  /** Catalogue order. */
  permissions: Permission[];
  effectivePermissions: Permission[];
};

export async function listRoles(viewer: Viewer | null): Promise<RoleListItem[]> {
  requirePermission(viewer, "roles.read");
  const [graph, counts] = await Promise.all([
    loadRoleGraph(db),
    db.userRole.groupBy({ by: ["roleId"], _count: { _all: true } }),
  ]);
  const members = new Map(counts.map((c) => [c.roleId, c._count._all]));
  const items = [...graph.values()].map((role): RoleListItem => {
    const effective = effectiveRolePermissions(role.id, graph);
    const parent = role.parentId ? graph.get(role.parentId) : undefined;
    return {
      id: role.id,
      key: role.key,
      name: role.name,
      description: role.description,
      builtIn: role.builtIn,
      requiresTwoFactor: role.requiresTwoFactor,
      effectiveRequiresTwoFactor: roleRequiresTwoFactor(role.id, graph),
      parent: parent ? { id: parent.id, name: parent.name } : null,
      memberCount: members.get(role.id) ?? 0,
      permissions: ALL_PERMISSIONS.filter((p) => role.permissions.includes(p)),
      effectivePermissions: ALL_PERMISSIONS.filter((p) => effective.has(p)),
    };
  });
  const builtIn = items.filter((r) => r.builtIn);
  const custom = items.filter((r) => !r.builtIn).sort((a, b) => a.name.localeCompare(b.name));
  return [...builtIn, ...custom];
}
