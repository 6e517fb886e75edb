// Admin: give several users one more role. The role must be one the viewer may grant (else nothing
// happens); each user then goes through the same guard rails as a single change (changeUserRoles),
// in a transaction of their own, and those refused or already holding the role are skipped with the
// reason, the viewer themself always.
import "server-only";
import { db } from "@/lib/db";
import { assertNotImpersonating } from "@/lib/auth/assert-not-impersonating";
import type { Viewer } from "@/lib/auth/viewer";
import type { BulkResult } from "@/lib/data/users/bulk-ban-users";
import { changeUserRoles, OWN_ROLES_REFUSAL } from "@/lib/data/users/set-user-roles";
import { AppError, NotFoundError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { assertCanGrantRole } from "@/lib/rbac/assert-can-grant-role";
import { requirePermission } from "@/lib/rbac/can";
import { loadRoleGraph } from "@/lib/rbac/load-role-graph";
import { bulkAssignRoleSchema } from "@/lib/validations/admin-user";
import { parseOrThrow } from "@/lib/validations/parse";

export async function bulkAssignRole(viewer: Viewer | null, input: unknown, ctx: RequestContext): Promise<BulkResult<"assigned">> {
  requirePermission(viewer, "users.manage");
  assertNotImpersonating(viewer);
  const { userIds, roleId } = parseOrThrow(bulkAssignRoleSchema, input);
  const graph = await loadRoleGraph(db);
  const role = graph.get(roleId);
  if (!role) throw new NotFoundError("Role not found.");
  assertCanGrantRole(viewer, role, graph);
  let assigned = 0;
  const skipped: { id: string; reason: string }[] = [];
  for (const id of userIds) {
    if (id === viewer.userId) {
      skipped.push({ id, reason: OWN_ROLES_REFUSAL });
      continue;
    }
    try {
      const change = await changeUserRoles(viewer, id, (current) => [...current, roleId], ctx);
      if (change.changed) assigned += 1;
      else skipped.push({ id, reason: `Already has the ${role.name} role.` });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      skipped.push({ id, reason: error.message });
    }
  }
  return { assigned, skipped };
}
