// What a service account may do through its keys: everything its roles grant (with their parents').
// A service account has no address to verify and never signs in, so nothing else holds it back
// (the same rule as authenticate-api-key.ts applies on each request).
import "server-only";
import type { Tx } from "@/lib/db";
import { loadRoleGraph, permissionsOfRoles } from "@/lib/rbac/load-role-graph";
import { isPermission, type Permission } from "@/lib/rbac/permissions";

export async function serviceAccountPermissions(tx: Tx, userId: string): Promise<Set<Permission>> {
  const held = await tx.userRole.findMany({ where: { userId }, select: { roleId: true } });
  const granted = permissionsOfRoles(
    held.map((r) => r.roleId),
    await loadRoleGraph(tx),
  );
  return new Set([...granted].filter(isPermission));
}
