// Roles as choices for a filter or a picker (the users table's role filter and bulk "Assign
// role"): id, key and name only. Built-in roles first in seed order, then custom roles by name.
import "server-only";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth/viewer";
import { BUILT_IN_ROLES } from "@/lib/rbac/built-in-roles";
import { can, requirePermission } from "@/lib/rbac/can";

export type RoleOption = { id: string; key: string; name: string };

const builtInOrder = new Map(BUILT_IN_ROLES.map((role, index) => [role.key, index]));

export async function listRoleOptions(viewer: Viewer | null): Promise<RoleOption[]> {
  // Either lets one see which roles exist: the users table shows them, the roles page lists them.
  if (!can(viewer, "roles.read")) requirePermission(viewer, "users.read");
  const roles = await db.role.findMany({ select: { id: true, key: true, name: true }, orderBy: { name: "asc" } });
  const rank = (key: string) => builtInOrder.get(key) ?? builtInOrder.size;
  return roles.sort((a, b) => rank(a.key) - rank(b.key) || a.name.localeCompare(b.name));
}
