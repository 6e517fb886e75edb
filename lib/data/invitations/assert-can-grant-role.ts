// Nobody hands out a role that grants more than they hold: inviting someone with a role, and
// approving a staff application (which grants Staff), both need every effective permission of the
// role (its own and its ancestors', lib/rbac/role-graph.ts) in the caller's own permission set.
// Super Admin holds every permission, so only a Super Admin can give it out.
import "server-only";
import type { Db, Tx } from "@/lib/db";
import type { Viewer } from "@/lib/auth/viewer";
import { ForbiddenError } from "@/lib/errors";
import { isPermission, type Permission } from "@/lib/rbac/permissions";
import { effectiveRolePermissions, type GraphRole } from "@/lib/rbac/role-graph";

type RoleRow = GraphRole & { key: string; name: string };

/** Every role with its own permission keys, keyed by id (the table is small: one query). */
export async function loadRoleGraph(client: Db | Tx): Promise<Map<string, RoleRow>> {
  const rows = await client.role.findMany({
    select: {
      id: true,
      key: true,
      name: true,
      parentId: true,
      requiresTwoFactor: true,
      permissions: { select: { permission: { select: { key: true } } } },
    },
  });
  return new Map(rows.map((r) => [r.id, { ...r, permissions: r.permissions.map((p) => p.permission.key) }]));
}

/** The catalogue permissions a role grants, inheritance included. */
export function rolePermissions(roleId: string, graph: ReadonlyMap<string, RoleRow>): Permission[] {
  return [...effectiveRolePermissions(roleId, graph).keys()].filter(isPermission);
}

/** Whether `viewer` holds every permission the role grants. */
export function canGrantRole(
  viewer: Pick<Viewer, "permissions">,
  roleId: string,
  graph: ReadonlyMap<string, RoleRow>,
): boolean {
  return graph.has(roleId) && rolePermissions(roleId, graph).every((p) => viewer.permissions.has(p));
}

export async function assertCanGrantRole(
  viewer: Viewer,
  roleId: string,
  client: Db | Tx,
  message?: string,
): Promise<void> {
  const graph = await loadRoleGraph(client);
  if (!canGrantRole(viewer, roleId, graph)) {
    throw new ForbiddenError(
      message ?? "This role grants permissions you do not hold, so you cannot give it to anyone.",
    );
  }
}
