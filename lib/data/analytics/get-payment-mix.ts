// How a range's sales were paid: revenue (after discounts, before tax, as everywhere in the
// reports) and number of sales per payment method, every method listed even when unused.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { isSale, num, queryRows, sql, within } from "@/lib/data/analytics/analytics-sql";
import { reportScope } from "@/lib/data/analytics/report-scope";
import { PAYMENT_METHODS, type AnalyticsQuery, type PaymentMixRow } from "@/lib/validations/analytics";

type Row = { method: string; revenue: unknown; n: unknown };

export async function getPaymentMix(actor: Actor | null, query: AnalyticsQuery): Promise<PaymentMixRow[]> {
  const scope = await reportScope(actor, query);
  const rows = await queryRows<Row>(sql`
    SELECT t."paymentMethod" AS "method", SUM(t."total" - t."tax") AS "revenue", COUNT(*) AS "n"
    FROM "Transaction" t
    WHERE ${within(`t."occurredAt"`, scope.lo, scope.hi)} AND ${isSale("t")} AND t."currency" = ${scope.currency}
    GROUP BY t."paymentMethod"`);
  const byMethod = new Map(rows.map((r) => [r.method, r]));
  return PAYMENT_METHODS.map((method) => ({
    method,
    revenue: num(byMethod.get(method)?.revenue),
    transactions: num(byMethod.get(method)?.n),
  })).sort((a, b) => b.revenue - a.revenue || PAYMENT_METHODS.indexOf(a.method) - PAYMENT_METHODS.indexOf(b.method));
}
