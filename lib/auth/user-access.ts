// The role ids and passkey count of an account as of its User.version, remembered per process.
// The hot reads (a session's, an API key's) read the user row with its version and ask here
// instead of aggregating UserRole and Passkey on every request: those two correlated subqueries
// were two thirds of an API key lookup's cost on SQLite (~100 of ~160 µs, npm run bench:api).
// Triggers move User.version in the same transaction as any UserRole write and any passkey added
// or removed (migration 20261202170931_user_version, both databases), so an unchanged version
// means unchanged roles and passkeys, and a role granted or a passkey removed through any instance
// counts on the very next request: that request reads the new version and misses.
//
// Callers read the user row first, with AccessVersion.version in the same statement, and this after
// it: what is stored under a version is then never older than that version (a write committing in
// between makes it newer, and the next request, reading the newer version, loads again). The access
// version comes back with the roles: on a hit the caller's (read with the user row, while the roles
// were what the map holds), on a miss the one read with the roles, so role ids and what roles grant
// are always of one moment. Known limit, shared with the role cache: a database restored to an
// earlier state can reissue a version number with other contents; restart the app after a restore.
import "server-only";
import { dbProvider } from "@/lib/db";
import { rawRead } from "@/lib/db-raw";

export type UserAccess = {
  readonly roleIds: readonly string[];
  readonly passkeyCount: number;
  /** AccessVersion.version of the same moment as `roleIds` (-1 when the row is missing). */
  readonly accessVersion: number;
};
type Stored = Omit<UserAccess, "accessVersion">;

/** Accounts remembered; past this the oldest is dropped (a miss costs one small query). */
const LIMIT = 10_000;

/** SQL aggregating the role ids of UserRole rows aliased `alias` into "id1,id2" (both providers). */
export const roleIdListSql = (alias: string) =>
  dbProvider === "postgresql" ? `string_agg(${alias}."roleId", ',')` : `group_concat(${alias}."roleId", ',')`;

/** AccessVersion.version as a result column (its one row); read with whatever it must agree with. */
export const ACCESS_VERSION_SQL = `(SELECT v."version" FROM "AccessVersion" v WHERE v."id" = 1)`;

const ACCESS_QUERY = `SELECT (SELECT ${roleIdListSql("ur")} FROM "UserRole" ur WHERE ur."userId" = ?) AS "roleIds",
  (SELECT COUNT(*) FROM "Passkey" p WHERE p."userId" = ?) AS "passkeyCount", ${ACCESS_VERSION_SQL} AS "accessVersion"`;

type Row = { roleIds: string | null; passkeyCount: number | bigint | null; accessVersion: number | bigint | null };

/** A missing AccessVersion row (deleted by hand, a partial restore): -1 matches no cached state of roles. */
export const accessVersionOf = (value: number | bigint | null | undefined) => (value == null ? -1 : Number(value));

const cache = new Map<string, { version: number; stored: Stored }>();

/**
 * What the account `userId` holds at record version `version`, read just before together with
 * `accessVersion` (AccessVersion.version).
 */
export async function userAccess(userId: string, version: number, accessVersion: number): Promise<UserAccess> {
  const hit = cache.get(userId);
  if (hit && hit.version === version) return { ...hit.stored, accessVersion };
  const [row] = await rawRead<Row>(ACCESS_QUERY, [userId, userId]);
  const stored: Stored = {
    roleIds: row?.roleIds ? row.roleIds.split(",") : [],
    passkeyCount: Number(row?.passkeyCount ?? 0),
  };
  cache.delete(userId);
  if (cache.size >= LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(userId, { version, stored });
  return { ...stored, accessVersion: accessVersionOf(row?.accessVersion) };
}
