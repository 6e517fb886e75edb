// When a range's sales happen: revenue and number of sales per weekday (1 = Monday) and local hour
// in the query's zone. SQL turns each quarter hour of the sales rollup (or, in a zone whose offsets
// are not on quarter hours, each sale) into local seconds with the zone's offset for that stretch
// of the year (zone-time.ts offsetSegments) and buckets with integer arithmetic, so a sale at 09:30
// local time is in hour 9 in summer and in winter. Only cells with sales are returned.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { integer, isSale, localEpochSeconds, num, queryRows, sql, within } from "@/lib/data/analytics/analytics-sql";
import { reportScope } from "@/lib/data/analytics/report-scope";
import { localQuarterSeconds, QUARTER_SECONDS, type ReportSource } from "@/lib/data/analytics/rollups";
import { offsetSegments } from "@/lib/data/analytics/zone-time";
import type { AnalyticsQuery, HeatCell } from "@/lib/validations/analytics";

type Row = { weekday: unknown; hour: unknown; revenue: unknown; n: unknown };

export async function getSalesHeatmap(
  actor: Actor | null,
  query: AnalyticsQuery,
  source: ReportSource = "rollups",
): Promise<HeatCell[]> {
  const scope = await reportScope(actor, query, source);
  const segments = offsetSegments(scope.lo, scope.hi, scope.tz);
  const quarters = source === "rollups" ? localQuarterSeconds(`r."quarter"`, segments, scope.lo, scope.hi) : null;
  const q = (d: Date) => integer(Math.round(d.getTime() / 1000 / QUARTER_SECONDS));
  const h = quarters
    ? sql`SELECT ${quarters} AS "s", r."revenue" AS "revenue", r."sales" AS "n"
        FROM "SalesQuarterRollup" r
        WHERE r."currency" = ${scope.currency} AND r."quarter" >= ${q(scope.lo)} AND r."quarter" < ${q(scope.hi)}`
    : sql`SELECT ${localEpochSeconds(`t."occurredAt"`, segments)} AS "s", t."total" - t."tax" AS "revenue", 1 AS "n"
        FROM "Transaction" t
        WHERE ${within(`t."occurredAt"`, scope.lo, scope.hi)} AND ${isSale("t")} AND t."currency" = ${scope.currency}`;
  // 1970-01-01 was a Thursday: day number + 3, mod 7, is 0 on Mondays. Instants are after 1970,
  // so integer division truncates as a floor would.
  const rows = await queryRows<Row>(sql`
    WITH h AS (${h})
    SELECT ((h."s" / 86400 + 3) % 7) + 1 AS "weekday", (h."s" % 86400) / 3600 AS "hour",
      SUM(h."revenue") AS "revenue", SUM(h."n") AS "n"
    FROM h GROUP BY 1, 2 HAVING SUM(h."n") > 0 ORDER BY 1, 2`);
  return rows.map((r) => ({
    weekday: num(r.weekday),
    hour: num(r.hour),
    revenue: num(r.revenue),
    transactions: num(r.n),
  }));
}
