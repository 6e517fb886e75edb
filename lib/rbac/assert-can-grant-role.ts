// Nobody grants a role whose effective permissions (its own and every ancestor's) they do not all
// hold, and nobody takes such a role away from someone either: both would be deciding about
// access the viewer does not have.
import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { ForbiddenError } from "@/lib/errors";
import { permissionsBeyond } from "@/lib/rbac/assert-can-manage-user";
import { permissionsOfRoles, type LoadedRole, type RoleGraph } from "@/lib/rbac/load-role-graph";

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
