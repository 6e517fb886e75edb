// How a range's sales were paid: revenue (after discounts, before tax, as everywhere in the
// reports) and number of sales per payment method, every method listed even when unused. Whole
// UTC days come from the day rollup, the hours left at the ends from the sales (rollups.ts).
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { isSale, num, queryRows, sql, within } from "@/lib/data/analytics/analytics-sql";
import { reportScope } from "@/lib/data/analytics/report-scope";
import { DAY_SECONDS, edgeBranches, splitRange, unitsWithin, type ReportSource } from "@/lib/data/analytics/rollups";
import { PAYMENT_METHODS, type AnalyticsQuery, type PaymentMixRow } from "@/lib/validations/analytics";

type Row = { method: string; revenue: unknown; n: unknown };

export async function getPaymentMix(
  actor: Actor | null,
  query: AnalyticsQuery,
  source?: ReportSource,
): Promise<PaymentMixRow[]> {
  const scope = await reportScope(actor, query, source);
  const split = splitRange(scope.lo, scope.hi, DAY_SECONDS, source);
  const rows = await queryRows<Row>(sql`
    WITH x AS (
      SELECT r."paymentMethod" AS "method", r."revenue" AS "revenue", r."sales" AS "n"
      FROM "SalesDayRollup" r WHERE r."currency" = ${scope.currency} AND ${unitsWithin(`r."day"`, split)}
      ${edgeBranches(
        split.edges,
        (e) => sql`
        SELECT t."paymentMethod", t."total" - t."tax", 1 FROM "Transaction" t
        WHERE ${within(`t."occurredAt"`, e.lo, e.hi)} AND ${isSale("t")} AND t."currency" = ${scope.currency}`,
      )}
    )
    SELECT x."method" AS "method", SUM(x."revenue") AS "revenue", SUM(x."n") AS "n"
    FROM x GROUP BY x."method"`);
  const byMethod = new Map(rows.map((r) => [r.method, r]));
  return PAYMENT_METHODS.map((method) => ({
    method,
    revenue: num(byMethod.get(method)?.revenue),
    transactions: num(byMethod.get(method)?.n),
  })).sort((a, b) => b.revenue - a.revenue || PAYMENT_METHODS.indexOf(a.method) - PAYMENT_METHODS.indexOf(b.method));
}
