// The last active Super Admin cannot be demoted (the Super Admin role taken away), banned, or have
// their second factor reset: someone must always be able to administer roles. The check counts
// inside the caller's transaction, after `lockSuperAdmins`, so two concurrent changes (each
// removing a different one of the last two) cannot both see "one other remains" and both pass:
// on PostgreSQL a transaction-scoped advisory lock makes them take turns, and each counts what the
// other committed; SQLite allows one writing transaction at a time (and the driver one transaction
// per connection), so the second one starts after the first has committed.
import "server-only";
import { dbProvider, type Tx } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { SUPER_ADMIN_ROLE } from "@/lib/rbac/built-in-roles";

/** Advisory lock key of "the set of active Super Admins" (any constant distinct from the audit log's). */
const SUPER_ADMIN_LOCK = 7_310_001;

export type SuperAdminChange = "demote" | "ban" | "reset_two_factor";

const REFUSALS: Record<SuperAdminChange, string> = {
  demote: "This is the last active Super Admin: make someone else a Super Admin before removing this role.",
  ban: "This is the last active Super Admin and cannot be banned.",
  reset_two_factor: "This is the last active Super Admin: their two-factor authentication cannot be reset.",
};

/** Serialises transactions that may reduce the number of active Super Admins (PostgreSQL; SQLite already does). */
export async function lockSuperAdmins(tx: Tx): Promise<void> {
  if (dbProvider === "postgresql") await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${SUPER_ADMIN_LOCK})`);
}

/** Active accounts holding the Super Admin role, other than `exceptUserId`. */
export async function countOtherActiveSuperAdmins(client: Pick<Tx, "userRole">, exceptUserId: string): Promise<number> {
  return client.userRole.count({
    where: { role: { key: SUPER_ADMIN_ROLE }, userId: { not: exceptUserId }, user: { status: "active" } },
  });
}

/**
 * Refuses `change` when `userId` is an active Super Admin and no other active one exists. Takes the
 * lock itself; call it inside the transaction that makes the change, before making it.
 */
export async function assertNotLastSuperAdmin(tx: Tx, userId: string, change: SuperAdminChange): Promise<void> {
  await lockSuperAdmins(tx);
  const isActiveSuperAdmin = await tx.userRole.count({
    where: { userId, role: { key: SUPER_ADMIN_ROLE }, user: { status: "active" } },
  });
  if (!isActiveSuperAdmin) return;
  if ((await countOtherActiveSuperAdmins(tx, userId)) === 0) throw new ForbiddenError(REFUSALS[change], "last_super_admin");
}
