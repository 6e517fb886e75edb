// The rule behind every role write: nobody grants, or takes away, a permission they do not hold
// themselves. Keys no longer in the catalogue are ignored (the seed drops them).
import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { ForbiddenError } from "@/lib/errors";
import { permissionsBeyond } from "@/lib/rbac/assert-can-manage-user";
import { PERMISSIONS } from "@/lib/rbac/permissions";

/** Throws 403 naming what the viewer lacks; `what` completes "… includes permissions you do not hold". */
export function assertViewerHolds(viewer: Pick<Viewer, "permissions">, keys: Iterable<string>, what: string): void {
  const missing = [...new Set(permissionsBeyond(viewer, keys))].sort();
  if (!missing.length) return;
  const labels = missing.map((k) => PERMISSIONS[k].label);
  throw new ForbiddenError(`${what} includes permissions you do not hold: ${labels.join(", ")}.`, "permission_not_held");
}
