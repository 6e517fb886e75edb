// The reports read the rollups (SalesQuarterRollup, SalesDayRollup, ProductDayRollup in the schema;
// kept by database triggers) for the whole units of a range and the raw sales for what is left at
// its ends: a year is ~35,000 quarter rows or ~365 × staff × methods day rows instead of ~250,000
// sales and their million lines. A day rollup is per UTC day, so a range in a zone east or west of
// UTC has a few hours of raw sales at each end. A quarter rollup turned into local time needs every
// offset of the range and every clock change in it to fall on a quarter hour (true of every zone
// since 1972); where they do not, the reports read the raw sales alone.
import "server-only";
import { col, empty, integer, join, sql, type Sql } from "@/lib/data/analytics/analytics-sql";
import type { OffsetSegment } from "@/lib/data/analytics/zone-time";

export const QUARTER_SECONDS = 900;
export const DAY_SECONDS = 86_400;

export type Span = { lo: Date; hi: Date };

/** Where a report reads from: the rollups and the rest raw (default), or every sale raw (tests). */
export type ReportSource = "rollups" | "rows";

export type RangeSplit = {
  /** Whole units [from, to) (epoch seconds / unit) inside the range; from = to when none. */
  from: number;
  to: number;
  /** The parts of the range outside them, read raw (none when the range is aligned). */
  edges: Span[];
};

/** [lo, hi) as the whole UTC units of `seconds` it holds, and the parts before and after them. */
export function splitRange(lo: Date, hi: Date, seconds: number, source: ReportSource = "rollups"): RangeSplit {
  const unitMs = seconds * 1000;
  const from = Math.ceil(lo.getTime() / unitMs);
  const to = Math.floor(hi.getTime() / unitMs);
  if (source === "rows" || from >= to) return { from: 0, to: 0, edges: hi > lo ? [{ lo, hi }] : [] };
  const edges: Span[] = [];
  if (lo.getTime() < from * unitMs) edges.push({ lo, hi: new Date(from * unitMs) });
  if (to * unitMs < hi.getTime()) edges.push({ lo: new Date(to * unitMs), hi });
  return { from, to, edges };
}

/**
 * `UNION ALL <raw(edge)>` for every edge, to follow a rollup SELECT that gives the same columns.
 * One branch per edge keeps each a plain range scan of the sales index.
 */
export function edgeBranches(edges: readonly Span[], raw: (edge: Span) => Sql): Sql {
  return edges.length ? sql` UNION ALL ${join(edges.map(raw), " UNION ALL ")}` : empty;
}

/** `alias.unitColumn` within the split's whole units. */
export function unitsWithin(column: string, split: RangeSplit): Sql {
  return sql`${col(column)} >= ${integer(split.from)} AND ${col(column)} < ${integer(split.to)}`;
}

/**
 * Local epoch seconds of the quarter in `column` (`r."quarter"`), or null when the zone's offsets
 * over [lo, hi) do not fall on quarter hours (then a report reads raw sales).
 */
export function localQuarterSeconds(
  column: string,
  segments: readonly OffsetSegment[],
  lo: Date,
  hi: Date,
): Sql | null {
  const q = QUARTER_SECONDS * 1000;
  const aligned = (d: Date) => d.getTime() % q === 0;
  if (!aligned(lo) || !aligned(hi)) return null;
  if (segments.some((s) => s.offsetSeconds % QUARTER_SECONDS !== 0 || !aligned(s.hi))) return null;
  const c = col(column);
  // BIGINT: quarter × 900 passes 2^31 in 2038.
  const seconds = sql`(CAST(${c} AS BIGINT) * ${integer(QUARTER_SECONDS)})`;
  if (segments.length === 0) return seconds;
  if (segments.length === 1) return sql`(${seconds} + ${integer(segments[0]!.offsetSeconds)})`;
  const cases = segments
    .slice(0, -1)
    .map((s) => sql`WHEN ${c} < ${integer(s.hi.getTime() / q)} THEN ${integer(s.offsetSeconds)}`);
  return sql`(${seconds} + CASE ${join(cases, " ")} ELSE ${integer(segments.at(-1)!.offsetSeconds)} END)`;
}
