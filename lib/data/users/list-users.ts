// Admin: the users table. Takes the parsed list query (lib/validations/user-list-query.ts): a
// search over name, username and email (every word must match one of them), filters, a sort, and
// keyset pagination on (sort values, id) in both directions. Only fields an admin screen may show
// leave here: never hashes, secrets or tokens.
import "server-only";
import { db, dbProvider } from "@/lib/db";
import type { Viewer } from "@/lib/auth/viewer";
import { requirePermission } from "@/lib/rbac/can";
import {
  cursorValuesOf,
  keysetOrderBy,
  keysetWhere,
  readCursorValues,
  rowValues,
  type KeysetColumn,
  type KeysetValue,
} from "@/lib/data/keyset";
import { encodeCursor, formatSort } from "@/lib/validations/list-query";
import type { UserListQuery, UserSortKey } from "@/lib/validations/user-list-query";

export type UserListItem = {
  id: string;
  username: string;
  email: string;
  firstName: string;
  lastName: string;
  status: "active" | "banned";
  bannedAt: Date | null;
  staffApproval: "pending" | "approved" | "rejected" | null;
  emailVerified: boolean;
  twoFactorEnabled: boolean;
  roles: { key: string; name: string }[];
  activeSessions: number;
  lastSignInAt: Date | null;
  createdAt: Date;
};

export type UserListPage = {
  items: UserListItem[];
  /** Users matching the filters, on every page. */
  total: number;
  /** 1-based position of the first item in the whole ordered list (0 when the page is empty). */
  start: number;
  nextCursor: string | null;
  prevCursor: string | null;
};

const SORT_COLUMNS: Record<UserSortKey, readonly KeysetColumn[]> = {
  createdAt: [{ field: "createdAt", type: "date" }],
  lastSignInAt: [{ field: "lastSignInAt", type: "date", nullable: true }],
  username: [{ field: "username", type: "string" }],
  name: [
    { field: "firstName", type: "string" },
    { field: "lastName", type: "string" },
  ],
};

type UserWhere = NonNullable<Parameters<typeof db.user.findMany>[0]>["where"];
type UserOrderBy = NonNullable<Parameters<typeof db.user.findMany>[0]>["orderBy"];

const MAX_SEARCH_WORDS = 5;

function contains(value: string) {
  // SQLite's LIKE ignores ASCII case already; PostgreSQL needs it asked for. The SQLite client's
  // types (which describe both) do not know `mode`.
  return (dbProvider === "postgresql" ? { contains: value, mode: "insensitive" } : { contains: value }) as {
    contains: string;
  };
}

function filterWhere(query: UserListQuery): NonNullable<UserWhere> {
  const and: NonNullable<UserWhere>[] = [];
  const words = (query.q ?? "").split(/\s+/).filter(Boolean).slice(0, MAX_SEARCH_WORDS);
  for (const word of words) {
    and.push({
      OR: [
        // Usernames and emails are stored lower-cased.
        { username: contains(word.toLowerCase()) },
        { email: contains(word.toLowerCase()) },
        { firstName: contains(word) },
        { lastName: contains(word) },
      ],
    });
  }
  if (query.role) and.push({ roles: { some: { role: { key: query.role } } } });
  if (query.status) and.push({ status: query.status });
  if (query.twoFactor) and.push({ totpEnabledAt: query.twoFactor === "on" ? { not: null } : null });
  if (query.verified) and.push({ emailVerifiedAt: query.verified === "yes" ? { not: null } : null });
  if (query.pending) and.push({ staffApproval: "pending" });
  return and.length ? { AND: and } : {};
}

const select = (now: Date) =>
  ({
    id: true,
    username: true,
    email: true,
    firstName: true,
    lastName: true,
    status: true,
    bannedAt: true,
    staffApproval: true,
    emailVerifiedAt: true,
    totpEnabledAt: true,
    lastSignInAt: true,
    createdAt: true,
    roles: { select: { role: { select: { key: true, name: true } } }, orderBy: { role: { name: "asc" } } },
    _count: { select: { sessions: { where: { state: "active", expiresAt: { gt: now } } } } },
  }) as const;

export async function listUsers(viewer: Viewer | null, query: UserListQuery): Promise<UserListPage> {
  requirePermission(viewer, "users.read");
  const columns = SORT_COLUMNS[query.sort.key];
  const { direction } = query.sort;
  const sortParam = formatSort(query.sort);
  const filters = filterWhere(query);
  const limit = query.limit;
  const now = new Date();

  // A cursor whose values do not fit the sort's columns is treated as no cursor (first page).
  const cursorValues = query.cursor ? readCursorValues(columns, query.cursor) : null;
  const cursor = query.cursor && cursorValues ? { ...query.cursor, values: cursorValues } : null;

  const read = (where: UserWhere, reverse: boolean) =>
    db.user.findMany({
      where,
      orderBy: keysetOrderBy(columns, direction, reverse) as UserOrderBy,
      take: limit + 1,
      select: select(now),
    });
  const beyond = (values: readonly KeysetValue[], id: string, side: "after" | "before") =>
    keysetWhere(columns, direction, values, id, side) as NonNullable<UserWhere>;

  let rows: Awaited<ReturnType<typeof read>>;
  let hasNext: boolean;
  if (cursor?.before) {
    const back = await read({ AND: [filters, beyond(cursor.values, cursor.id, "before")] }, true);
    if (back.length > limit) {
      rows = back.slice(0, limit).reverse();
      hasNext = true;
    } else {
      // Reached the start: show a full first page rather than a short one.
      const first = await read(filters, false);
      rows = first.slice(0, limit);
      hasNext = first.length > limit;
    }
  } else {
    const where = cursor ? { AND: [filters, beyond(cursor.values, cursor.id, "after")] } : filters;
    const forward = await read(where, false);
    rows = forward.slice(0, limit);
    hasNext = forward.length > limit;
  }

  const firstRow = rows[0];
  const [total, rowsBefore] = await Promise.all([
    db.user.count({ where: filters }),
    firstRow
      ? db.user.count({
          where: { AND: [filters, beyond(rowValues(columns, firstRow), firstRow.id, "before")] },
        })
      : Promise.resolve(0),
  ]);

  const rowCursor = (row: (typeof rows)[number], before = false) =>
    encodeCursor({ sort: sortParam, values: cursorValuesOf(columns, row), id: row.id, before });
  const lastRow = rows.at(-1);
  return {
    items: rows.map((u) => ({
      id: u.id,
      username: u.username,
      email: u.email,
      firstName: u.firstName,
      lastName: u.lastName,
      status: u.status === "banned" ? "banned" : "active",
      bannedAt: u.bannedAt,
      staffApproval: u.staffApproval as UserListItem["staffApproval"],
      emailVerified: u.emailVerifiedAt !== null,
      twoFactorEnabled: u.totpEnabledAt !== null,
      roles: u.roles.map((r) => r.role),
      activeSessions: u._count.sessions,
      lastSignInAt: u.lastSignInAt,
      createdAt: u.createdAt,
    })),
    total,
    start: firstRow ? rowsBefore + 1 : 0,
    nextCursor: hasNext && lastRow ? rowCursor(lastRow) : null,
    prevCursor: firstRow && rowsBefore > 0 ? rowCursor(firstRow, true) : null,
  };
}
