// What every report starts from: the caller may read analytics, the range and the previous period
// as instants in the query's zone, and the currency (asked for, or the one most sales in the range
// were made in, else USD: money of different currencies is never added together).
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/rbac/can";
import { isSale, queryRows, sql, within } from "@/lib/data/analytics/analytics-sql";
import {
  edgeBranches,
  QUARTER_SECONDS,
  splitRange,
  unitsWithin,
  type ReportSource,
} from "@/lib/data/analytics/rollups";
import { rangeInstants } from "@/lib/data/analytics/zone-time";
import { previousRange, rangeDays, type AnalyticsQuery, type PeriodRange } from "@/lib/validations/analytics";

export const FALLBACK_CURRENCY = "USD";

export type ReportScope = {
  actor: Actor;
  range: PeriodRange;
  previousRange: PeriodRange;
  days: number;
  lo: Date;
  hi: Date;
  prevLo: Date;
  prevHi: Date;
  tz: string;
  currency: string;
};

/** The currency with most sales in [lo, hi) (ties: alphabetical), else USD. */
export async function dominantCurrency(lo: Date, hi: Date, source: ReportSource = "rollups"): Promise<string> {
  const split = splitRange(lo, hi, QUARTER_SECONDS, source);
  const rows = await queryRows<{ currency: string }>(sql`
    WITH x AS (
      SELECT r."currency" AS "currency", r."sales" AS "n" FROM "SalesQuarterRollup" r WHERE ${unitsWithin(`r."quarter"`, split)}
      ${edgeBranches(
        split.edges,
        (e) => sql`
        SELECT t."currency", 1 FROM "Transaction" t WHERE ${within(`t."occurredAt"`, e.lo, e.hi)} AND ${isSale("t")}`,
      )}
    )
    SELECT x."currency" AS "currency" FROM x
    GROUP BY x."currency" HAVING SUM(x."n") > 0 ORDER BY SUM(x."n") DESC, x."currency" ASC LIMIT 1`);
  return rows[0]?.currency ?? FALLBACK_CURRENCY;
}

export async function reportScope(
  actor: Actor | null,
  query: AnalyticsQuery,
  source?: ReportSource,
): Promise<ReportScope> {
  requirePermission(actor, "analytics.read");
  const range = { from: query.from, to: query.to };
  const previous = previousRange(range);
  const { lo, hi } = rangeInstants(range, query.tz);
  const { lo: prevLo, hi: prevHi } = rangeInstants(previous, query.tz);
  const currency = query.currency ?? (await dominantCurrency(lo, hi, source));
  return {
    actor,
    range,
    previousRange: previous,
    days: rangeDays(range),
    lo,
    hi,
    prevLo,
    prevHi,
    tz: query.tz,
    currency,
  };
}
