// A custom role: name, description, permissions, "requires 2FA" and an optional parent. Its key is
// a slug of the name, made unique, and stays the same when the role is renamed later.
import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { assertNotImpersonating } from "@/lib/auth/assert-not-impersonating";
import type { Viewer } from "@/lib/auth/viewer";
import { checkRoleChange } from "@/lib/data/roles/check-role-change";
import { loadRoleGraph, type LoadedRole } from "@/lib/rbac/load-role-graph";
import { lockRoleWrites } from "@/lib/data/roles/lock-role-writes";
import type { RequestContext } from "@/lib/http/request-context";
import { requirePermission } from "@/lib/rbac/can";
import { roleInputSchema, roleKeyFromName } from "@/lib/validations/role";
import { parseOrThrow } from "@/lib/validations/parse";

function uniqueKey(base: string, graph: ReadonlyMap<string, LoadedRole>): string {
  const taken = new Set([...graph.values()].map((r) => r.key));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}

export async function createRole(
  viewer: Viewer | null,
  input: unknown,
  ctx: RequestContext,
): Promise<{ id: string; key: string; name: string }> {
  requirePermission(viewer, "roles.manage");
  assertNotImpersonating(viewer);
  const values = parseOrThrow(roleInputSchema, input);
  return db.$transaction(async (tx) => {
    await lockRoleWrites(tx);
    const graph = await loadRoleGraph(tx);
    checkRoleChange(viewer, graph, null, values);
    const permissions = await tx.permission.findMany({ where: { key: { in: values.permissions } }, select: { id: true } });
    const role = await tx.role.create({
      data: {
        key: uniqueKey(roleKeyFromName(values.name), graph),
        name: values.name,
        description: values.description,
        requiresTwoFactor: values.requiresTwoFactor,
        parentId: values.parentId,
        permissions: { create: permissions.map((p) => ({ permissionId: p.id })) },
      },
      select: { id: true, key: true, name: true },
    });
    const parent = values.parentId ? graph.get(values.parentId) : undefined;
    await audit(
      {
        action: "role.created",
        actorId: viewer.userId,
        targetType: "role",
        targetId: role.id,
        metadata: {
          key: role.key,
          name: role.name,
          description: values.description,
          permissions: values.permissions,
          requiresTwoFactor: values.requiresTwoFactor,
          parentId: parent?.id ?? null,
          parentName: parent?.name ?? null,
        },
        context: ctx,
      },
      tx,
    );
    return role;
  });
}
