// What saving the role editor would change, for the confirmation dialog: the role's own fields and
// permissions, and how its effective permissions (with inheritance) move. Pure, so the dialog and
// its tests see the same thing the editor computes.
import { ALL_PERMISSIONS, type Permission } from "@/lib/rbac/permissions";
import { effectiveRolePermissions, type GraphRole } from "@/lib/rbac/role-graph";

export type EditorRole = GraphRole & { name: string; key: string; builtIn: boolean };

export type RoleDraft = {
  name: string;
  description: string;
  permissions: readonly string[];
  requiresTwoFactor: boolean;
  parentId: string | null;
};

export type RoleDiff = {
  name: { before: string; after: string } | null;
  description: { before: string; after: string } | null;
  parent: { before: string | null; after: string | null } | null;
  requiresTwoFactor: { before: boolean; after: boolean } | null;
  added: Permission[];
  removed: Permission[];
  effectiveAdded: Permission[];
  effectiveRemoved: Permission[];
};

/** The graph with the draft in place of the role `id` (a new role when `id` is not in it). */
export function graphWithDraft(
  roles: readonly EditorRole[],
  id: string,
  draft: RoleDraft,
  base?: Pick<EditorRole, "key" | "builtIn">,
): Map<string, EditorRole> {
  const map = new Map(roles.map((r) => [r.id, r]));
  const current = map.get(id);
  map.set(id, {
    id,
    key: current?.key ?? base?.key ?? "",
    builtIn: current?.builtIn ?? base?.builtIn ?? false,
    name: draft.name,
    parentId: draft.parentId,
    requiresTwoFactor: draft.requiresTwoFactor,
    permissions: [...draft.permissions],
  });
  return map;
}

/** Catalogue keys the role holds with the draft applied (own and inherited). */
export function effectiveOf(roles: readonly EditorRole[], id: string, draft: RoleDraft): Map<Permission, EditorRole[]> {
  const all = effectiveRolePermissions(id, graphWithDraft(roles, id, draft));
  const out = new Map<Permission, EditorRole[]>();
  for (const key of ALL_PERMISSIONS) {
    const from = all.get(key);
    if (from) out.set(key, from);
  }
  return out;
}

const inCatalogue = (keys: Iterable<string>) => {
  const set = new Set(keys);
  return ALL_PERMISSIONS.filter((k) => set.has(k));
};
const minus = (a: readonly Permission[], b: readonly Permission[]) => a.filter((k) => !b.includes(k));

/**
 * `before` is null for a role being created: then everything counts as added. `roles` is the graph
 * as loaded (it holds the role's current state when it exists).
 */
export function diffRole(
  roles: readonly EditorRole[],
  id: string,
  before: RoleDraft | null,
  after: RoleDraft,
): RoleDiff {
  const nameOf = (roleId: string | null) => (roleId ? (roles.find((r) => r.id === roleId)?.name ?? "Unknown role") : null);
  const empty: RoleDraft = { name: "", description: "", permissions: [], requiresTwoFactor: false, parentId: null };
  const prev = before ?? empty;
  const ownBefore = inCatalogue(prev.permissions);
  const ownAfter = inCatalogue(after.permissions);
  const effBefore = before ? [...effectiveOf(roles, id, before).keys()] : [];
  const effAfter = [...effectiveOf(roles, id, after).keys()];
  return {
    name: prev.name !== after.name ? { before: prev.name, after: after.name } : null,
    description: prev.description !== after.description ? { before: prev.description, after: after.description } : null,
    parent: prev.parentId !== after.parentId ? { before: nameOf(prev.parentId), after: nameOf(after.parentId) } : null,
    requiresTwoFactor:
      prev.requiresTwoFactor !== after.requiresTwoFactor
        ? { before: prev.requiresTwoFactor, after: after.requiresTwoFactor }
        : null,
    added: minus(ownAfter, ownBefore),
    removed: minus(ownBefore, ownAfter),
    effectiveAdded: minus(effAfter, effBefore),
    effectiveRemoved: minus(effBefore, effAfter),
  };
}

export function isEmptyDiff(diff: RoleDiff): boolean {
  return (
    !diff.name &&
    !diff.description &&
    !diff.parent &&
    !diff.requiresTwoFactor &&
    !diff.added.length &&
    !diff.removed.length &&
    !diff.effectiveAdded.length &&
    !diff.effectiveRemoved.length
  );
}
