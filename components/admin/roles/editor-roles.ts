// The roles list as the editor's graph (what inheritance is computed on in the browser).
import type { EditorRole } from "@/components/admin/roles/role-diff";
import type { RoleListItem } from "@/lib/data/roles/list-roles";

export function toEditorRoles(roles: readonly RoleListItem[]): EditorRole[] {
  return roles.map((r) => ({
    id: r.id,
    key: r.key,
    name: r.name,
    builtIn: r.builtIn,
    parentId: r.parent?.id ?? null,
    requiresTwoFactor: r.requiresTwoFactor,
    permissions: r.permissions,
  }));
}
