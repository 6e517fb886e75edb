// The roles page: every role with what it grants (own and inherited), its parent and how many
// people hold it. Built-in roles first, in seed order, then custom roles by name.
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { loadRoleGraph } from "@/lib/rbac/load-role-graph";
import { requirePermission } from "@/lib/rbac/can";
import { ALL_PERMISSIONS, type Permission } from "@/lib/rbac/permissions";
import { effectiveRolePermissions } from "@/lib/rbac/role-graph";
import { describeRole, type RoleSummary } from "@/lib/data/roles/describe-role";

export type RoleListItem = RoleSummary & {
  memberCount: number;
  /** Catalogue order. */
  effectivePermissions: Permission[];
};

export async function listRoles(viewer: Actor | null): Promise<RoleListItem[]> {
  requirePermission(viewer, "roles.read");
  const [graph, counts] = await Promise.all([
    loadRoleGraph(db),
    db.userRole.groupBy({ by: ["roleId"], _count: { _all: true } }),
  ]);
  const members = new Map(counts.map((c) => [c.roleId, c._count._all]));
  const items = [...graph.values()].map((role): RoleListItem => {
    const effective = effectiveRolePermissions(role.id, graph);
    return {
      ...describeRole(role, graph),
      memberCount: members.get(role.id) ?? 0,
      effectivePermissions: ALL_PERMISSIONS.filter((p) => effective.has(p)),
    };
  });
  const builtIn = items.filter((r) => r.builtIn);
  const custom = items.filter((r) => !r.builtIn).sort((a, b) => a.name.localeCompare(b.name));
  return [...builtIn, ...custom];
}
