// One staff member with their staff record (staff.read). An id that is not a staff member's (no
// such user, a user without the Staff role, a service account) is 404 alike.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import {
  staffMemberSelect,
  staffMemberWhere,
  toStaffMember,
  type StaffMember,
} from "@/lib/data/staff-records/staff-member";
import { requirePermission } from "@/lib/rbac/can";
import { entityIdSchema } from "@/lib/validations/admin-user";

export const STAFF_NOT_FOUND = "Staff member not found.";

/** The staff member by id through `client`, or null (for the DAL's own use, after its permission check). */
export async function findStaffMember(client: Pick<Tx, "user">, id: string): Promise<StaffMember | null> {
  const row = await client.user.findFirst({ where: { id, ...staffMemberWhere }, select: staffMemberSelect });
  return row ? toStaffMember(row) : null;
}

export async function getStaffMember(actor: Actor | null, id: unknown): Promise<StaffMember> {
  requirePermission(actor, "staff.read");
  const parsed = entityIdSchema.safeParse(id);
  if (!parsed.success) throw new NotFoundError(STAFF_NOT_FOUND);
  const member = await findStaffMember(db, parsed.data);
  if (!member) throw new NotFoundError(STAFF_NOT_FOUND);
  return member;
}
