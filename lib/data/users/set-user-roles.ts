// Admin: choose which roles a user holds. Guard rails, all decided here: users.manage; never one's
// own roles; never from an impersonated session; never on an account holding permissions the
// viewer lacks; never granting or removing a role whose effective permissions (its parents'
// included) the viewer does not all hold; never taking the Super Admin role from the last active
// Super Admin. Takes effect on the user's next request (assignments are read with every session).
// With `expectedVersion` (If-Match over the API) an account changed since it was read is 412.
import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { assertNotImpersonating } from "@/lib/auth/assert-not-impersonating";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { assertCanGrantRole } from "@/lib/rbac/assert-can-grant-role";
import { manageRefusal } from "@/lib/rbac/assert-can-manage-user";
import { assertNotLastSuperAdmin, lockSuperAdmins } from "@/lib/rbac/assert-last-super-admin";
import { SUPER_ADMIN_ROLE } from "@/lib/rbac/built-in-roles";
import { requirePermission } from "@/lib/rbac/can";
import type { RoleGraph } from "@/lib/rbac/load-role-graph";
import { loadRoleGraph } from "@/lib/rbac/load-role-graph";
import { setUserRolesSchema } from "@/lib/validations/admin-user";
import { parseOrThrow } from "@/lib/validations/parse";
import { assertAccountVersion } from "@/lib/data/users/user-version";

export type RoleChange = { before: string[]; after: string[]; changed: boolean };

export const OWN_ROLES_REFUSAL = "You cannot change your own roles.";

/**
 * The one path that changes someone's roles (also used by bulk-assign-role). `next` gets the ids
 * the user holds now and returns the ids they should hold; it runs inside the transaction.
 */
export async function changeUserRoles(
  viewer: Actor | null,
  userId: string,
  next: (current: readonly string[], graph: RoleGraph) => string[],
  ctx: RequestContext,
  expectedVersion?: number,
): Promise<RoleChange> {
  requirePermission(viewer, "users.manage");
  assertNotImpersonating(viewer);
  if (userId === viewer.userId) throw new ForbiddenError(OWN_ROLES_REFUSAL, "own_roles");
  return db.$transaction(async (tx) => {
    // First, so the roles read below and the Super Admin count cannot move under a concurrent change.
    await lockSuperAdmins(tx);
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, roles: { select: { roleId: true } } } });
    if (!user) throw new NotFoundError("User not found.");
    const graph = await loadRoleGraph(tx);
    const current = user.roles.map((r) => r.roleId);
    const refusal = manageRefusal(viewer, current, graph);
    if (refusal) throw new ForbiddenError(refusal);
    await assertAccountVersion(tx, user.id, expectedVersion);

    const wanted = [...new Set(next(current, graph))];
    if (wanted.some((id) => !graph.has(id))) throw new ValidationError({ roleIds: ["One of the roles no longer exists."] });
    if (!wanted.length) throw new ValidationError({ roleIds: ["Keep at least one role."] });
    const added = wanted.filter((id) => !current.includes(id));
    const removed = current.filter((id) => !wanted.includes(id));
    for (const id of [...added, ...removed]) {
      const role = graph.get(id);
      if (role) assertCanGrantRole(viewer, role, graph);
    }
    if (removed.some((id) => graph.get(id)?.key === SUPER_ADMIN_ROLE)) await assertNotLastSuperAdmin(tx, user.id, "demote");

    const keys = (ids: readonly string[]) => ids.map((id) => graph.get(id)?.key ?? id).sort();
    const change = { before: keys(current), after: keys(wanted), changed: added.length + removed.length > 0 };
    if (!change.changed) return change;
    if (removed.length) await tx.userRole.deleteMany({ where: { userId: user.id, roleId: { in: removed } } });
    if (added.length) await tx.userRole.createMany({ data: added.map((roleId) => ({ userId: user.id, roleId })) });
    await audit(
      {
        action: "admin.user_roles_changed",
        actorId: viewer.userId,
        targetType: "user",
        targetId: user.id,
        metadata: { before: change.before, after: change.after, added: keys(added), removed: keys(removed) },
        context: ctx,
      },
      tx,
    );
    return change;
  });
}

/** Replaces the user's roles with `roleIds` (input: { userId, roleIds }); see changeUserRoles for `expectedVersion`. */
export async function setUserRoles(
  viewer: Actor | null,
  input: unknown,
  ctx: RequestContext,
  expectedVersion?: number,
): Promise<RoleChange> {
  requirePermission(viewer, "users.manage");
  const { userId, roleIds } = parseOrThrow(setUserRolesSchema, input);
  return changeUserRoles(viewer, userId, () => roleIds, ctx, expectedVersion);
}
