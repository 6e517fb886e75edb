// What every staff-records function answers about a staff member: the account's public fields
// and the staff record (null fields until someone fills it in). A staff member is a person holding
// the Staff role; the record lives in StaffProfile, keyed by the user, made on its first edit.
// `version` covers both halves: the staff record's version (0 while no record exists) plus the
// account's (User.version, moved by every change to the name, email, username, status or roles),
// so the ETag and the edit form's check go stale when either changes. Both only grow, so the sum
// never comes back to a value a client saw before.
import "server-only";
import { STAFF_ROLE } from "@/lib/rbac/built-in-roles";
import { formatCalendarDate } from "@/lib/validations/staff-record";

export type StaffMember = {
  id: string;
  username: string;
  email: string;
  firstName: string;
  lastName: string;
  status: "active" | "banned";
  employeeNumber: string | null;
  phone: string | null;
  /** YYYY-MM-DD. */
  hiredOn: string | null;
  /** Staff record version + account version: the ETag. */
  version: number;
  /** When the staff record last changed (null while none exists). */
  updatedAt: Date | null;
};

/** The `where` of "this user is a staff member". */
export const staffMemberWhere = { kind: "person", roles: { some: { role: { key: STAFF_ROLE } } } } as const;

/** The same condition in SQL, on the user table aliased `u` (raw writers: lib/db-sql.ts). */
export const staffMemberSql = `u."kind" = 'person' AND EXISTS (SELECT 1 FROM "UserRole" ur JOIN "Role" r ON r."id" = ur."roleId"
  WHERE ur."userId" = u."id" AND r."key" = '${STAFF_ROLE}')`;

export const staffMemberSelect = {
  id: true,
  username: true,
  email: true,
  firstName: true,
  lastName: true,
  status: true,
  version: true,
  staffProfile: { select: { employeeNumber: true, phone: true, hiredOn: true, version: true, updatedAt: true } },
} as const;

export type StaffMemberRow = {
  id: string;
  username: string;
  email: string;
  firstName: string;
  lastName: string;
  status: string;
  version: number;
  staffProfile: {
    employeeNumber: string | null;
    phone: string | null;
    hiredOn: Date | null;
    version: number;
    updatedAt: Date;
  } | null;
};

/** The two versions behind a staff member's `version` (for the conditional writes of the DAL). */
export function staffVersionsOf(row: StaffMemberRow): { record: number; user: number } {
  return { record: row.staffProfile?.version ?? 0, user: row.version };
}

export function toStaffMember(row: StaffMemberRow): StaffMember {
  const p = row.staffProfile;
  return {
    id: row.id,
    username: row.username,
    email: row.email,
    firstName: row.firstName,
    lastName: row.lastName,
    status: row.status === "banned" ? "banned" : "active",
    employeeNumber: p?.employeeNumber ?? null,
    phone: p?.phone ?? null,
    hiredOn: p?.hiredOn ? formatCalendarDate(p.hiredOn) : null,
    version: (p?.version ?? 0) + row.version,
    updatedAt: p?.updatedAt ?? null,
  };
}
