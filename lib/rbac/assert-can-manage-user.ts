// Nobody may act on an account that holds a permission they do not hold themselves: an Admin
// cannot sign out, ban or strip the 2FA of a Super Admin (the same rule as granting permissions).
// What the account holds includes what its roles inherit from their parents.
import "server-only";
import type { Db, Tx } from "@/lib/db";
import type { Viewer } from "@/lib/auth/viewer";
import { ForbiddenError } from "@/lib/errors";
import { loadRoleGraph, permissionsOfRoles, type RoleGraph } from "@/lib/rbac/load-role-graph";
import { isPermission, type Permission } from "@/lib/rbac/permissions";

/** The catalogue permissions among `keys` that the viewer does not hold. */
export function permissionsBeyond(viewer: Pick<Viewer, "permissions">, keys: Iterable<string>): Permission[] {
  return [...keys].filter((key): key is Permission => isPermission(key) && !viewer.permissions.has(key));
}

/** Why the viewer may not manage an account with these roles, or null when they may. */
export function manageRefusal(viewer: Pick<Viewer, "permissions">, roleIds: readonly string[], graph: RoleGraph): string | null {
  return permissionsBeyond(viewer, permissionsOfRoles(roleIds, graph)).length
    ? "This user holds permissions you do not have, so you cannot manage their account."
    : null;
}

export async function assertCanManageUser(
  viewer: Pick<Viewer, "permissions">,
  targetUserId: string,
  client: Db | Tx,
  graph?: RoleGraph,
): Promise<void> {
  const held = await client.userRole.findMany({ where: { userId: targetUserId }, select: { roleId: true } });
  const refusal = manageRefusal(
    viewer,
    held.map((r) => r.roleId),
    graph ?? (await loadRoleGraph(client)),
  );
  if (refusal) throw new ForbiddenError(refusal);
}
