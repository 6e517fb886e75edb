// Every role with its own permissions, read through the caller's client (a transaction's, when the
// decision and the change must see the same roles), as the graph lib/rbac/role-graph.ts walks.
// The role cache answers "what may this request do"; decisions about *other* people (may the viewer
// grant this role, manage this account) read the roles afresh here instead.
import "server-only";
import type { Db, Tx } from "@/lib/db";
import { ancestry, type GraphRole } from "@/lib/rbac/role-graph";

export type LoadedRole = GraphRole & { key: string; name: string; description: string; builtIn: boolean };

export type RoleGraph = ReadonlyMap<string, LoadedRole>;

export async function loadRoleGraph(client: Db | Tx): Promise<RoleGraph> {
  const rows = await client.role.findMany({
    orderBy: [{ builtIn: "desc" }, { createdAt: "asc" }, { key: "asc" }],
    select: {
      id: true,
      key: true,
      name: true,
      description: true,
      builtIn: true,
      parentId: true,
      requiresTwoFactor: true,
      permissions: { select: { permission: { select: { key: true } } } },
    },
  });
  return new Map(rows.map((r) => [r.id, { ...r, permissions: r.permissions.map((p) => p.permission.key) }]));
}

/** The permission keys the roles hold, their ancestors' included. */
export function permissionsOfRoles(roleIds: Iterable<string>, graph: RoleGraph): Set<string> {
  const out = new Set<string>();
  for (const id of roleIds) for (const role of ancestry(id, graph)) for (const key of role.permissions) out.add(key);
  return out;
}
