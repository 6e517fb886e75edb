import { isPermission, PERMISSIONS, type Permission } from "@/lib/rbac/permissions";

/**
 * What a person may actually do: the union of their roles' permissions, minus everything while the
 * session still waits for a second factor, minus mail- and record-touching permissions while the
 * email address is unverified. Unknown keys in the database are ignored.
 */
export function effectivePermissions(
  granted: Iterable<string>,
  state: { emailVerified: boolean; sessionComplete: boolean },
): ReadonlySet<Permission> {
  const out = new Set<Permission>();
  if (!state.sessionComplete) return out;
  for (const key of granted) {
    if (!isPermission(key)) continue;
    if (!state.emailVerified && PERMISSIONS[key].needsVerifiedEmail) continue;
    out.add(key);
  }
  return out;
}
