// The rule behind every role write: nobody grants, or takes away, a permission they do not hold
// themselves. Keys no longer in the catalogue are ignored (the seed drops them).
import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { ForbiddenError } from "@/lib/errors";
import { isPermission, PERMISSIONS } from "@/lib/rbac/permissions";

/** The catalogue keys among `keys` that the viewer does not hold. */
export function permissionsBeyond(viewer: Pick<Viewer, "permissions">, keys: Iterable<string>): string[] {
  return [...new Set(keys)].filter((k) => isPermission(k) && !viewer.permissions.has(k)).sort();
}

/** Throws 403 naming what the viewer lacks; `what` completes "… includes permissions you do not hold". */
export function assertViewerHolds(viewer: Pick<Viewer, "permissions">, keys: Iterable<string>, what: string): void {
  const missing = permissionsBeyond(viewer, keys);
  if (!missing.length) return;
  const labels = missing.map((k) => (isPermission(k) ? PERMISSIONS[k].label : k));
  throw new ForbiddenError(`${what} includes permissions you do not hold: ${labels.join(", ")}.`, "permission_not_held");
}
