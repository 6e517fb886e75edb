// Revenue, transactions and units per day, Monday week or month of the query's zone, with the
// previous period's revenue at the same offset (each bucket moved back by the range's length in
// days). SQL first sums each local day — the quarter hours of the sales rollup (or, in a zone whose
// offsets are not on quarter hours, each sale) turned into local time with the zone's offset for
// its stretch of the year (zone-time.ts offsetSegments), then divided into days — and then sums the
// days into buckets through a small table of (day, bucket): one range scan on either database,
// whatever the bucket, and exact across daylight-saving changes.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import {
  integer,
  isSale,
  join,
  localEpochSeconds,
  num,
  queryRows,
  SALE_LINES,
  sql,
  within,
  type Sql,
} from "@/lib/data/analytics/analytics-sql";
import { reportScope, type ReportScope } from "@/lib/data/analytics/report-scope";
import { localQuarterSeconds, QUARTER_SECONDS, type ReportSource } from "@/lib/data/analytics/rollups";
import { bucketsOf, offsetSegments, type Bucket, type OffsetSegment } from "@/lib/data/analytics/zone-time";
import { addDays, dayNumber, type AnalyticsQuery, type SalesSeries } from "@/lib/validations/analytics";

type SeriesRow = { i: unknown; n: unknown; revenue: unknown };
type UnitsRow = { i: unknown; units: unknown };
type Rows = { rows: SeriesRow[]; units: UnitsRow[] };

/** (local day number, bucket index) for every day of the range, and of the previous period (index + N). */
function dayBuckets(buckets: Bucket[], to: string, shift: number | null): Sql {
  const rows: Sql[] = [];
  const end = dayNumber(addDays(to, 1))!;
  buckets.forEach((b, i) => {
    const first = dayNumber(b.start)!;
    const stop = i + 1 < buckets.length ? dayNumber(buckets[i + 1]!.start)! : end;
    for (let d = first; d < stop; d++) {
      rows.push(sql`(${integer(d)}, ${integer(i)})`);
      if (shift !== null) rows.push(sql`(${integer(d - shift)}, ${integer(i + buckets.length)})`);
    }
  });
  return sql`b("day", "i") AS (VALUES ${join(rows)})`;
}

export async function getSalesSeries(
  actor: Actor | null,
  query: AnalyticsQuery,
  source: ReportSource = "rollups",
): Promise<SalesSeries> {
  const scope = await reportScope(actor, query, source);
  const current = bucketsOf(scope.range, query.bucket, scope.tz);
  const start = query.compare ? scope.prevLo : scope.lo;
  const segments = offsetSegments(start, scope.hi, scope.tz);
  const quarterSeconds = source === "rollups" ? localQuarterSeconds(`r."quarter"`, segments, start, scope.hi) : null;
  const { rows, units } = quarterSeconds
    ? await fromQuarters(scope, start, quarterSeconds, current, query.compare)
    : await fromSales(scope, start, segments, current, query.compare);
  const byIndex = new Map(rows.map((r) => [num(r.i), r]));
  const unitsByIndex = new Map(units.map((r) => [num(r.i), num(r.units)]));
  return {
    currency: scope.currency,
    bucket: query.bucket,
    tz: scope.tz,
    points: current.map((b, i) => {
      const row = byIndex.get(i);
      return {
        start: b.start,
        revenue: num(row?.revenue),
        transactions: num(row?.n),
        units: unitsByIndex.get(i) ?? 0,
        previousRevenue: query.compare ? num(byIndex.get(i + current.length)?.revenue) : null,
      };
    }),
  };
}

/** From the quarter-hour rollup: each quarter falls in one local day (rollups.ts). */
async function fromQuarters(
  scope: ReportScope,
  start: Date,
  quarterSeconds: Sql,
  current: Bucket[],
  compare: boolean,
): Promise<Rows> {
  const first = Math.round(start.getTime() / 1000 / QUARTER_SECONDS);
  const end = Math.round(scope.hi.getTime() / 1000 / QUARTER_SECONDS);
  const rows = await queryRows<SeriesRow & { units: unknown }>(sql`
    WITH d AS (
      SELECT ${quarterSeconds} / 86400 AS "day", SUM(r."sales") AS "n", SUM(r."revenue") AS "revenue", SUM(r."units") AS "units"
      FROM "SalesQuarterRollup" r
      WHERE r."currency" = ${scope.currency} AND r."quarter" >= ${integer(first)} AND r."quarter" < ${integer(end)}
      GROUP BY 1
    ), ${dayBuckets(current, scope.range.to, compare ? scope.days : null)}
    SELECT b."i" AS "i", SUM(d."n") AS "n", SUM(d."revenue") AS "revenue", SUM(d."units") AS "units"
    FROM d JOIN b ON b."day" = d."day"
    GROUP BY b."i"`);
  return { rows, units: rows.filter((r) => num(r.i) < current.length) };
}

/** From the sales and their lines, each instant turned into local time. */
async function fromSales(
  scope: ReportScope,
  start: Date,
  segments: OffsetSegment[],
  current: Bucket[],
  compare: boolean,
): Promise<Rows> {
  const localDay = sql`(${localEpochSeconds(`t."occurredAt"`, segments)} / 86400)`;
  const sales = sql`${isSale("t")} AND t."currency" = ${scope.currency}`;
  const [rows, units] = await Promise.all([
    queryRows<SeriesRow>(sql`
      WITH d AS (
        SELECT ${localDay} AS "day", COUNT(*) AS "n", SUM(t."total" - t."tax") AS "revenue"
        FROM "Transaction" t
        WHERE ${within(`t."occurredAt"`, start, scope.hi)} AND ${sales}
        GROUP BY 1
      ), ${dayBuckets(current, scope.range.to, compare ? scope.days : null)}
      SELECT b."i" AS "i", SUM(d."n") AS "n", SUM(d."revenue") AS "revenue"
      FROM d JOIN b ON b."day" = d."day"
      GROUP BY b."i"`),
    queryRows<UnitsRow>(sql`
      WITH d AS (
        SELECT ${localDay} AS "day", SUM(l."quantity") AS "units"
        FROM ${SALE_LINES}
        WHERE l."transactionId" = t."id" AND ${within(`t."occurredAt"`, scope.lo, scope.hi)} AND ${sales}
        GROUP BY 1
      ), ${dayBuckets(current, scope.range.to, null)}
      SELECT b."i" AS "i", SUM(d."units") AS "units"
      FROM d JOIN b ON b."day" = d."day"
      GROUP BY b."i"`),
  ]);
  return { rows, units };
}
