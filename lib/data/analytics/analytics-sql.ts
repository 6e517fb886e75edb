// SQL pieces every analytics query shares. Values are always bound parameters (Prisma.sql); the
// only text spliced in is fixed per provider here. Dates: SQLite stores DateTime as ISO text
// ("2026-03-29T01:00:00.000+00:00") and Prisma binds a Date parameter in that same form, so text
// comparison orders them; PostgreSQL stores timestamp(3) and binds a Date as untyped text, which a
// comparison with a column types. Numbers in a VALUES list or a CASE get an explicit CAST, which
// PostgreSQL needs there to know their type.
import "server-only";
import { Prisma } from "@/generated/sqlite/client";
import { dbProvider } from "@/lib/db";
import { rawRead } from "@/lib/db-raw";
import type { OffsetSegment } from "@/lib/data/analytics/zone-time";

export const sql = Prisma.sql;
export const join = Prisma.join;
export const empty = Prisma.empty;
export type Sql = Prisma.Sql;
/** A fixed column reference written in code (`t."occurredAt"`): never pass request input here. */
export const col = (reference: string): Sql => Prisma.raw(reference);

/** Statuses that count as sales: voided sales are left out; refunds are counted at their own time. */
export const SALE_STATUSES = ["completed", "partially_refunded", "refunded"] as const;
export const isSale = (alias: string) =>
  sql`${Prisma.raw(`${alias}."status"`)} IN (${join(SALE_STATUSES.map((s) => sql`${s}`))})`;

/**
 * Sales joined to their lines, sales first: SQLite takes CROSS JOIN as "keep this order", so it
 * range-scans the sales and reads each one's lines, instead of walking all lines in product order
 * when an index tempts it (30 s instead of 3 over a million lines, measured). PostgreSQL plans it
 * as the inner join it is. Callers add `l."transactionId" = t."id"` to WHERE.
 */
export const SALE_LINES: Sql = Prisma.sql`"Transaction" t CROSS JOIN "TransactionLine" l`;

/** An integer as a typed SQL value. */
export function integer(n: number): Sql {
  return sql`CAST(${Math.trunc(n)} AS INTEGER)`;
}

/** `alias."occurredAt"` (or another column) within [lo, hi). */
export function within(column: string, lo: Date, hi: Date): Sql {
  const col = Prisma.raw(column);
  return sql`${col} >= ${lo} AND ${col} < ${hi}`;
}

/**
 * Whole seconds since 1970 in local time for a UTC column, given the zone's offset stretches
 * (zone-time.ts offsetSegments): integer arithmetic from there on is the same on both databases.
 */
export function localEpochSeconds(column: string, segments: readonly OffsetSegment[]): Sql {
  const col = Prisma.raw(column);
  const epoch =
    dbProvider === "postgresql"
      ? sql`CAST(FLOOR(EXTRACT(EPOCH FROM ${col})) AS BIGINT)`
      : sql`CAST(strftime('%s', ${col}) AS INTEGER)`;
  if (segments.length === 0) return epoch;
  if (segments.length === 1) return sql`(${epoch} + ${integer(segments[0]!.offsetSeconds)})`;
  const cases = segments.slice(0, -1).map((s) => sql`WHEN ${col} < ${s.hi} THEN ${integer(s.offsetSeconds)}`);
  return sql`(${epoch} + CASE ${join(cases, " ")} ELSE ${integer(segments.at(-1)!.offsetSeconds)} END)`;
}

/** A count or sum as a JavaScript number (SQLite gives bigint, PostgreSQL bigint or numeric text). */
export function num(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  return Number(String(value));
}

/**
 * The rows of a report query, through the driver (lib/db-raw.ts: same `?` text, same bound values,
 * same date format as Prisma binds them). Prisma compiled and prepared every raw statement anew:
 * about half of the dashboard's sales block in process (8 statements, ~6 ms a view).
 */
export async function queryRows<T>(query: Sql): Promise<T[]> {
  return rawRead<T>(query.sql, query.values);
}
