// The staff list (/records/staff, GET /api/v1/staff): people holding the Staff role with their
// staff record. A search over name, username, email and employee number (every word must match
// one of them), an account-status filter, sorting by name, hire date or employee number, and
// keyset pagination (lib/data/keyset-page.ts). Only the fields a staff screen shows leave here.
import "server-only";
import { containsText, searchWords } from "@/lib/data/contains-text";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { KeysetColumn } from "@/lib/data/keyset";
import { keysetPage } from "@/lib/data/keyset-page";
import { profileOrderBy, profileWhere } from "@/lib/data/staff-records/profile-keyset";
import {
  staffMemberSelect,
  staffMemberWhere,
  toStaffMember,
  type StaffMember,
} from "@/lib/data/staff-records/staff-member";
import { requirePermission } from "@/lib/rbac/can";
import type { StaffListQuery, StaffSortKey } from "@/lib/validations/staff-list-query";

export type StaffListPage = {
  items: StaffMember[];
  nextCursor: string | null;
  prevCursor: string | null;
  /** Only when counted (tables always; the API with total=true). */
  total: number | null;
  start: number | null;
};

const SORT_COLUMNS: Record<StaffSortKey, readonly KeysetColumn[]> = {
  name: [
    { field: "firstName", type: "string" },
    { field: "lastName", type: "string" },
  ],
  hiredOn: [{ field: "profile.hiredOn", type: "date", nullable: true }],
  employeeNumber: [{ field: "profile.employeeNumber", type: "string", nullable: true }],
};

type UserWhere = NonNullable<Parameters<typeof db.user.findMany>[0]>["where"];
type UserOrderBy = NonNullable<Parameters<typeof db.user.findMany>[0]>["orderBy"];

function filterWhere(query: StaffListQuery): Record<string, unknown> {
  const and: Record<string, unknown>[] = [staffMemberWhere];
  const words = searchWords(query.q);
  for (const word of words) {
    and.push({
      OR: [
        { username: containsText(word.toLowerCase()) },
        { email: containsText(word.toLowerCase()) },
        { firstName: containsText(word) },
        { lastName: containsText(word) },
        { staffProfile: { is: { employeeNumber: containsText(word) } } },
      ],
    });
  }
  if (query.status) and.push({ status: query.status });
  return { AND: and };
}

export async function listStaff(
  actor: Actor | null,
  query: StaffListQuery,
  options: { count?: boolean } = {},
): Promise<StaffListPage> {
  requirePermission(actor, "staff.read");
  const columns = SORT_COLUMNS[query.sort.key];
  const page = await keysetPage({
    columns,
    sort: query.sort,
    cursor: query.cursor,
    limit: query.limit,
    where: filterWhere(query),
    read: async (args) => {
      const rows = await db.user.findMany({
        where: profileWhere(args.where) as UserWhere,
        orderBy: profileOrderBy(args.orderBy) as UserOrderBy,
        take: args.take,
        select: staffMemberSelect,
      });
      // The keyset runner reads sort values off the row by column name.
      return rows.map((row) => ({
        ...row,
        "profile.hiredOn": row.staffProfile?.hiredOn ?? null,
        "profile.employeeNumber": row.staffProfile?.employeeNumber ?? null,
      }));
    },
    ...(options.count || query.total
      ? { count: (where: Record<string, unknown>) => db.user.count({ where: profileWhere(where) as UserWhere }) }
      : {}),
  });
  return {
    items: page.rows.map(toStaffMember),
    nextCursor: page.nextCursor,
    prevCursor: page.prevCursor,
    total: page.total,
    start: page.start,
  };
}
