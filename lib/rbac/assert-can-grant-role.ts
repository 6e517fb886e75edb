// Nobody grants a role whose effective permissions (its own and every ancestor's) they do not all
// hold, and nobody takes such a role away from someone either: both would be deciding about
// access the viewer does not have.
import "server-only";
import type { Db, Tx } from "@/lib/db";
import type { Viewer } from "@/lib/auth/viewer";
import { ForbiddenError } from "@/lib/errors";
import { permissionsBeyond } from "@/lib/rbac/assert-can-manage-user";
import { loadRoleGraph, permissionsOfRoles, type LoadedRole, type RoleGraph } from "@/lib/rbac/load-role-graph";

/** Why the viewer may not grant or remove this role, or null when they may. */
export function roleGrantRefusal(viewer: Pick<Viewer, "permissions">, role: LoadedRole, graph: RoleGraph): string | null {
  const lacking = permissionsBeyond(viewer, permissionsOfRoles([role.id], graph));
  if (!lacking.length) return null;
  const shown = lacking.slice(0, 3).join(", ");
  return `${role.name} includes permissions you do not hold (${shown}${lacking.length > 3 ? ", …" : ""}).`;
}

export function assertCanGrantRole(viewer: Pick<Viewer, "permissions">, role: LoadedRole, graph: RoleGraph): void {
  const refusal = roleGrantRefusal(viewer, role, graph);
  if (refusal) throw new ForbiddenError(refusal, "role_not_grantable");
}

/** Whether the viewer may grant the role with this id (false for an unknown id). */
export function canGrantRole(viewer: Pick<Viewer, "permissions">, roleId: string, graph: RoleGraph): boolean {
  const role = graph.get(roleId);
  return !!role && roleGrantRefusal(viewer, role, graph) === null;
}

/**
 * The same rule for a role named by id, reading the roles through `client` (a transaction's, so
 * the decision and the change see the same roles): inviting with a role, approving a staff
 * application (which grants Staff). `message` replaces the default refusal.
 */
export async function assertCanGrantRoleById(
  viewer: Pick<Viewer, "permissions">,
  roleId: string,
  client: Db | Tx,
  message?: string,
): Promise<void> {
  const graph = await loadRoleGraph(client);
  const role = graph.get(roleId);
  const refusal = role ? roleGrantRefusal(viewer, role, graph) : "Unknown role.";
  if (refusal) throw new ForbiddenError(message ?? refusal, "role_not_grantable");
}
