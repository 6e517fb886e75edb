// Roles an admin may give a new service account: those whose permissions (inherited included) the
// admin holds (lib/rbac/assert-can-grant-role.ts decides; create-service-account checks again).
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { canGrantRole } from "@/lib/rbac/assert-can-grant-role";
import { requirePermission } from "@/lib/rbac/can";
import { loadRoleGraph } from "@/lib/rbac/load-role-graph";

export type GrantableRole = { id: string; key: string; name: string; description: string };

export async function listGrantableRoles(actor: Actor | null): Promise<GrantableRole[]> {
  requirePermission(actor, "users.manage");
  const graph = await loadRoleGraph(db);
  return [...graph.values()]
    .filter((role) => canGrantRole(actor, role.id, graph))
    .map((role) => ({ id: role.id, key: role.key, name: role.name, description: role.description }));
}
