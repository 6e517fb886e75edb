// What the roles page and the role editor both say about a role, read off the loaded role graph:
// its own fields, its own permissions in catalogue order, its parent, and whether 2FA is required
// (on the role itself or inherited).
import "server-only";
import type { LoadedRole, RoleGraph } from "@/lib/rbac/load-role-graph";
import { ALL_PERMISSIONS, type Permission } from "@/lib/rbac/permissions";
import { roleRequiresTwoFactor } from "@/lib/rbac/role-graph";

export type RoleRef = { id: string; name: string };

export type RoleSummary = {
  id: string;
  key: string;
  name: string;
  description: string;
  builtIn: boolean;
  /** Set on the role itself. */
  requiresTwoFactor: boolean;
  /** Set on the role or inherited from an ancestor. */
  effectiveRequiresTwoFactor: boolean;
  parent: RoleRef | null;
  /** Catalogue order. */
  permissions: Permission[];
};

export function describeRole(role: LoadedRole, graph: RoleGraph): RoleSummary {
  const parent = role.parentId ? graph.get(role.parentId) : undefined;
  return {
    id: role.id,
    key: role.key,
    name: role.name,
    description: role.description,
    builtIn: role.builtIn,
    requiresTwoFactor: role.requiresTwoFactor,
    effectiveRequiresTwoFactor: roleRequiresTwoFactor(role.id, graph),
    parent: parent ? { id: parent.id, name: parent.name } : null,
    permissions: ALL_PERMISSIONS.filter((p) => role.permissions.includes(p)),
  };
}
