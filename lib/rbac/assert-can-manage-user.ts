// Nobody may act on an account that holds a permission they do not hold themselves: an Admin
// cannot sign out or strip the 2FA of a Super Admin (the same rule as granting permissions).
import "server-only";
import type { Db, Tx } from "@/lib/db";
import type { Viewer } from "@/lib/auth/viewer";
import { ForbiddenError } from "@/lib/errors";
import { isPermission } from "@/lib/rbac/permissions";

export async function assertCanManageUser(viewer: Viewer, targetUserId: string, db: Db | Tx): Promise<void> {
  const roles = await db.userRole.findMany({
    where: { userId: targetUserId },
    select: { role: { select: { permissions: { select: { permission: { select: { key: true } } } } } } },
  });
  const beyond = roles
    .flatMap((r) => r.role.permissions.map((p) => p.permission.key))
    .some((key) => isPermission(key) && !viewer.permissions.has(key));
  if (beyond)
    throw new ForbiddenError("This user holds permissions you do not have, so you cannot manage their account.");
}
