// Role inheritance: a role holds its own permissions and everything its ancestors hold, and
// requires 2FA when it or any ancestor does. Pure functions over a map of roles, shared by the
// per-process role cache, the role editor (effective permissions and where each comes from) and the
// DAL's cycle check. Cycles are refused when a parent is set; these walks also stop at one, so a
// cycle made by hand in SQL cannot hang a request.

export type GraphRole = {
  id: string;
  parentId: string | null;
  requiresTwoFactor: boolean;
  permissions: readonly string[];
};

/** The role, then its parent, grandparent…; stops at an unknown id or a repeat. */
export function ancestry<R extends GraphRole>(roleId: string, byId: ReadonlyMap<string, R>): R[] {
  const chain: R[] = [];
  const seen = new Set<string>();
  let id: string | null = roleId;
  while (id && !seen.has(id)) {
    seen.add(id);
    const role = byId.get(id);
    if (!role) break;
    chain.push(role);
    id = role.parentId;
  }
  return chain;
}

/** Every permission the role holds, each with the roles it comes from (the role itself first). */
export function effectiveRolePermissions<R extends GraphRole>(
  roleId: string,
  byId: ReadonlyMap<string, R>,
): Map<string, R[]> {
  const out = new Map<string, R[]>();
  for (const role of ancestry(roleId, byId)) {
    for (const key of role.permissions) {
      const from = out.get(key);
      if (from) from.push(role);
      else out.set(key, [role]);
    }
  }
  return out;
}

export function roleRequiresTwoFactor<R extends GraphRole>(roleId: string, byId: ReadonlyMap<string, R>): boolean {
  return ancestry(roleId, byId).some((r) => r.requiresTwoFactor);
}

/** Whether making `parentId` the parent of `roleId` would close a loop (including a role being its own parent). */
export function wouldCreateCycle<R extends GraphRole>(
  roleId: string,
  parentId: string,
  byId: ReadonlyMap<string, R>,
): boolean {
  if (parentId === roleId) return true;
  return ancestry(parentId, byId).some((r) => r.id === roleId || r.parentId === roleId);
}
