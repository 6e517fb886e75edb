// Edit a role: name, description, permissions, "requires 2FA", parent. The whole editor is sent;
// only what differs is written and audited (before and after of each changed field, permissions as
// added/removed, and how the effective set moved). Members feel it on their next request (the role
// cache follows the access version the database triggers move).
import "server-only";
import { db } from "@/lib/db";
import { audit, type AuditValue } from "@/lib/audit/audit";
import { assertNotImpersonating } from "@/lib/auth/assert-not-impersonating";
import type { Viewer } from "@/lib/auth/viewer";
import { checkRoleChange, withRole } from "@/lib/data/roles/check-role-change";
import { loadRoleGraph } from "@/lib/rbac/load-role-graph";
import { lockRoleWrites } from "@/lib/data/roles/lock-role-writes";
import { NotFoundError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { requirePermission } from "@/lib/rbac/can";
import { isPermission } from "@/lib/rbac/permissions";
import { effectiveRolePermissions } from "@/lib/rbac/role-graph";
import { roleInputSchema } from "@/lib/validations/role";
import { parseOrThrow } from "@/lib/validations/parse";

const minus = (a: Iterable<string>, b: Iterable<string>) => {
  const drop = new Set(b);
  return [...new Set(a)].filter((k) => !drop.has(k) && isPermission(k)).sort();
};

export type UpdateRoleResult = { id: string; name: string; changed: string[] };

export async function updateRole(
  viewer: Viewer | null,
  roleId: unknown,
  input: unknown,
  ctx: RequestContext,
): Promise<UpdateRoleResult> {
  requirePermission(viewer, "roles.manage");
  assertNotImpersonating(viewer);
  if (typeof roleId !== "string" || roleId.length > 64) throw new NotFoundError("Role not found.");
  const values = parseOrThrow(roleInputSchema, input);
  return db.$transaction(async (tx) => {
    await lockRoleWrites(tx);
    const graph = await loadRoleGraph(tx);
    const current = graph.get(roleId);
    if (!current) throw new NotFoundError("Role not found.");
    checkRoleChange(viewer, graph, current, values);

    const added = minus(values.permissions, current.permissions);
    const removed = minus(current.permissions, values.permissions);
    const metadata: Record<string, AuditValue> = { key: current.key };
    const changed: string[] = [];
    if (values.name !== current.name) {
      changed.push("name");
      Object.assign(metadata, { nameBefore: current.name, nameAfter: values.name });
    }
    if (values.description !== current.description) {
      changed.push("description");
      Object.assign(metadata, { descriptionBefore: current.description, descriptionAfter: values.description });
    }
    if (values.requiresTwoFactor !== current.requiresTwoFactor) {
      changed.push("requiresTwoFactor");
      Object.assign(metadata, {
        requiresTwoFactorBefore: current.requiresTwoFactor,
        requiresTwoFactorAfter: values.requiresTwoFactor,
      });
    }
    if (values.parentId !== current.parentId) {
      changed.push("parent");
      Object.assign(metadata, {
        parentIdBefore: current.parentId,
        parentNameBefore: current.parentId ? (graph.get(current.parentId)?.name ?? null) : null,
        parentIdAfter: values.parentId,
        parentNameAfter: values.parentId ? (graph.get(values.parentId)?.name ?? null) : null,
      });
    }
    if (added.length || removed.length) {
      changed.push("permissions");
      Object.assign(metadata, {
        permissionsAdded: added,
        permissionsRemoved: removed,
        permissionsBefore: current.permissions.filter(isPermission).sort(),
        permissionsAfter: [...values.permissions].sort(),
      });
    }
    if (!changed.length) return { id: current.id, name: current.name, changed };

    const before = [...effectiveRolePermissions(current.id, graph).keys()];
    const after = [
      ...effectiveRolePermissions(current.id, withRole(graph, { ...current, ...values, permissions: values.permissions })).keys(),
    ];
    const effectiveAdded = minus(after, before);
    const effectiveRemoved = minus(before, after);
    if (effectiveAdded.length || effectiveRemoved.length) {
      Object.assign(metadata, { effectivePermissionsAdded: effectiveAdded, effectivePermissionsRemoved: effectiveRemoved });
    }

    await tx.role.update({
      where: { id: current.id },
      data: {
        name: values.name,
        description: values.description,
        requiresTwoFactor: values.requiresTwoFactor,
        parentId: values.parentId,
      },
    });
    if (removed.length) {
      await tx.rolePermission.deleteMany({ where: { roleId: current.id, permission: { key: { in: removed } } } });
    }
    if (added.length) {
      const ids = await tx.permission.findMany({ where: { key: { in: added } }, select: { id: true } });
      await tx.rolePermission.createMany({ data: ids.map((p) => ({ roleId: current.id, permissionId: p.id })) });
    }
    await audit(
      { action: "role.updated", actorId: viewer.userId, targetType: "role", targetId: current.id, metadata, context: ctx },
      tx,
    );
    return { id: current.id, name: values.name, changed };
  });
}
