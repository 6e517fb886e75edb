// Every role with its own permission keys, as a map for lib/rbac/role-graph.ts. Roles are few (a
// handful of built-ins and some custom ones), so the DAL reads them whole and walks the graph in
// memory: one query, and inside a write transaction the check sees exactly what it will change.
import "server-only";
import type { Db, Tx } from "@/lib/db";
import type { GraphRole } from "@/lib/rbac/role-graph";

export type RoleNode = GraphRole & {
  key: string;
  name: string;
  description: string;
  builtIn: boolean;
  createdAt: Date;
};

export async function loadRoleGraph(client: Db | Tx): Promise<Map<string, RoleNode>> {
  const rows = await client.role.findMany({
    orderBy: [{ createdAt: "asc" }, { key: "asc" }],
    select: {
      id: true,
      key: true,
      name: true,
      description: true,
      builtIn: true,
      requiresTwoFactor: true,
      parentId: true,
      createdAt: true,
      permissions: { select: { permission: { select: { key: true } } } },
    },
  });
  return new Map(
    rows.map((r) => [r.id, { ...r, permissions: r.permissions.map((p) => p.permission.key).sort() }] as const),
  );
}
