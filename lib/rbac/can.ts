import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import { PERMISSIONS, type Permission } from "@/lib/rbac/permissions";

type HasPermissions = { permissions: ReadonlySet<Permission>; emailVerified: boolean };

export function can(viewer: HasPermissions | null | undefined, permission: Permission): boolean {
  return !!viewer && viewer.permissions.has(permission);
}

/** Throws 401 without a viewer, 403 (with a reason) without the permission. */
export function requirePermission<V extends HasPermissions>(
  viewer: V | null | undefined,
  permission: Permission,
): asserts viewer is V {
  if (!viewer) throw new UnauthenticatedError();
  if (viewer.permissions.has(permission)) return;
  if (!viewer.emailVerified && PERMISSIONS[permission].needsVerifiedEmail) {
    throw new ForbiddenError("Verify your email address to use this feature.", "email_unverified");
  }
  throw new ForbiddenError();
}
