// Admin: the users table. Takes the parsed list query (lib/validations/user-list-query.ts): a
// search over name, username and email (every word must match one of them), filters, a sort, and
// keyset pagination on (sort values, id) in both directions (lib/data/keyset-page.ts). Only fields an admin screen may show
// leave here: never hashes, secrets or tokens.
import "server-only";
import { containsText, searchWords } from "@/lib/data/contains-text";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/rbac/can";
import type { KeysetColumn } from "@/lib/data/keyset";
import { keysetPage } from "@/lib/data/keyset-page";
import type { UserListQuery, UserSortKey } from "@/lib/validations/user-list-query";

export type UserListItem = {
  id: string;
  username: string;
  email: string;
  firstName: string;
  lastName: string;
  status: "active" | "banned";
  /** "service": a service account (API keys only, never signs in). */
  kind: "person" | "service";
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

function filterWhere(query: UserListQuery): NonNullable<UserWhere> {
  const and: NonNullable<UserWhere>[] = [];
  const words = searchWords(query.q);
  for (const word of words) {
    and.push({
      OR: [
        // Usernames and emails are stored lower-cased.
        { username: containsText(word.toLowerCase()) },
        { email: containsText(word.toLowerCase()) },
        { firstName: containsText(word) },
        { lastName: containsText(word) },
      ],
    });
  }
  if (query.role) and.push({ roles: { some: { role: { key: query.role } } } });
  if (query.status) and.push({ status: query.status });
  // A passkey is a second factor too.
  if (query.twoFactor) {
    and.push(
      query.twoFactor === "on"
        ? { OR: [{ totpEnabledAt: { not: null } }, { passkeys: { some: {} } }] }
        : { totpEnabledAt: null, passkeys: { none: {} } },
    );
  }
  if (query.verified) and.push({ emailVerifiedAt: query.verified === "yes" ? { not: null } : null });
  if (query.pending) and.push({ staffApproval: "pending" });
  if (query.kind) and.push({ kind: query.kind });
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
    kind: true,
    bannedAt: true,
    staffApproval: true,
    emailVerifiedAt: true,
    totpEnabledAt: true,
    lastSignInAt: true,
    createdAt: true,
    roles: { select: { role: { select: { key: true, name: true } } }, orderBy: { role: { name: "asc" } } },
    _count: { select: { sessions: { where: { state: "active", expiresAt: { gt: now } } }, passkeys: true } },
  }) as const;

export async function listUsers(viewer: Actor | null, query: UserListQuery): Promise<UserListPage> {
  requirePermission(viewer, "users.read");
  const now = new Date();
  const page = await keysetPage({
    columns: SORT_COLUMNS[query.sort.key],
    sort: query.sort,
    cursor: query.cursor,
    limit: query.limit,
    where: filterWhere(query),
    read: (args) =>
      db.user.findMany({
        where: args.where as UserWhere,
        orderBy: args.orderBy as UserOrderBy,
        take: args.take,
        select: select(now),
      }),
    count: (where) => db.user.count({ where: where as UserWhere }),
  });
  return {
    items: page.rows.map((u) => ({
      id: u.id,
      username: u.username,
      email: u.email,
      firstName: u.firstName,
      lastName: u.lastName,
      status: u.status === "banned" ? "banned" : "active",
      kind: u.kind === "service" ? "service" : "person",
      bannedAt: u.bannedAt,
      staffApproval: u.staffApproval as UserListItem["staffApproval"],
      emailVerified: u.emailVerifiedAt !== null,
      twoFactorEnabled: u.totpEnabledAt !== null || u._count.passkeys > 0,
      roles: u.roles.map((r) => r.role),
      activeSessions: u._count.sessions,
      lastSignInAt: u.lastSignInAt,
      createdAt: u.createdAt,
    })),
    total: page.total ?? 0,
    start: page.start ?? 0,
    nextCursor: page.nextCursor,
    prevCursor: page.prevCursor,
  };
}
