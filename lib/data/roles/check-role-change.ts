// The guard rails shared by creating and editing a role, checked against the graph read inside the
// write transaction (after lockRoleWrites), so a concurrent edit cannot slip between check and write:
// - names are unique regardless of case (409);
// - the parent exists and does not close a loop (a role cannot inherit from itself or a descendant);
// - the role's EFFECTIVE permissions (its own plus everything the parent brings) are all held by
//   the viewer, and, for an edit, so were the ones it had: nobody grants, or takes away, what they
//   do not hold;
// - built-in roles keep their names; Super Admin always holds the whole catalogue, has no parent
//   and its 2FA requirement can be switched on but never off.
import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import type { LoadedRole } from "@/lib/rbac/load-role-graph";
import { assertViewerHolds } from "@/lib/data/roles/assert-viewer-holds";
import { ConflictError, ValidationError } from "@/lib/errors";
import { SUPER_ADMIN_ROLE } from "@/lib/rbac/built-in-roles";
import { ALL_PERMISSIONS } from "@/lib/rbac/permissions";
import { effectiveRolePermissions, wouldCreateCycle } from "@/lib/rbac/role-graph";
import type { RoleValues } from "@/lib/validations/role";

/** The graph as it would be with `next` in place of (or added as) the role `next.id`. */
export function withRole(graph: ReadonlyMap<string, LoadedRole>, next: LoadedRole): Map<string, LoadedRole> {
  return new Map(graph).set(next.id, next);
}

export function checkRoleChange(
  viewer: Pick<Viewer, "permissions">,
  graph: ReadonlyMap<string, LoadedRole>,
  current: LoadedRole | null,
  values: RoleValues,
): void {
  const taken = [...graph.values()].find(
    (r) => r.id !== current?.id && r.name.toLocaleLowerCase("en") === values.name.toLocaleLowerCase("en"),
  );
  if (taken) {
    throw new ConflictError(`A role named “${taken.name}” already exists.`, {
      name: [`A role named “${taken.name}” already exists. Choose another name.`],
    });
  }

  if (current?.builtIn && values.name !== current.name) {
    throw new ValidationError({ name: ["Built-in roles cannot be renamed."] });
  }
  if (current?.key === SUPER_ADMIN_ROLE) {
    const fieldErrors: Record<string, string[]> = {};
    if (ALL_PERMISSIONS.some((p) => !values.permissions.includes(p)))
      fieldErrors.permissions = ["Super Admin always holds every permission; its permissions cannot be edited."];
    if (values.parentId) fieldErrors.parentId = ["Super Admin holds everything already; it has no parent role."];
    if (current.requiresTwoFactor && !values.requiresTwoFactor)
      fieldErrors.requiresTwoFactor = ["Super Admin's two-factor requirement cannot be switched off."];
    if (Object.keys(fieldErrors).length) throw new ValidationError(fieldErrors);
  }

  const parent = values.parentId ? graph.get(values.parentId) : null;
  if (values.parentId && !parent) throw new ValidationError({ parentId: ["Choose a parent role from the list."] });
  if (current && parent && wouldCreateCycle(current.id, parent.id, graph)) {
    throw new ValidationError({
      parentId: [
        parent.id === current.id
          ? "A role cannot be its own parent."
          : `“${parent.name}” already inherits from this role, so it cannot be its parent (that would make a loop).`,
      ],
    });
  }

  if (current) {
    assertViewerHolds(viewer, effectiveRolePermissions(current.id, graph).keys(), `“${current.name}”`);
  }
  assertViewerHolds(viewer, values.permissions, "The permissions you chose");
  if (parent) {
    const inherited = effectiveRolePermissions(parent.id, graph).keys();
    assertViewerHolds(viewer, inherited, `The parent role “${parent.name}” (with what it inherits)`);
  }
}
