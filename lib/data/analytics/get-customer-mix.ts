// New against returning customers in a range. A customer is new when their first sale ever (any
// currency) falls in the range, returning when they bought before it; walk-in sales have no
// customer and are counted as sales. Revenue is after discounts, before tax, in the scope's currency.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { isSale, num, queryRows, sql, within } from "@/lib/data/analytics/analytics-sql";
import { reportScope } from "@/lib/data/analytics/report-scope";
import type { AnalyticsQuery, CustomerMix } from "@/lib/validations/analytics";

type Row = { kind: string; customers: unknown; n: unknown; revenue: unknown };

export async function getCustomerMix(actor: Actor | null, query: AnalyticsQuery): Promise<CustomerMix> {
  const scope = await reportScope(actor, query);
  const rows = await queryRows<Row>(sql`
    WITH k AS (
      SELECT t."customerId" AS "customerId", t."total" - t."tax" AS "revenue",
        CASE
          WHEN t."customerId" IS NULL THEN 'walk_in'
          WHEN EXISTS (
            SELECT 1 FROM "Transaction" e
            WHERE e."customerId" = t."customerId" AND e."occurredAt" < ${scope.lo} AND ${isSale("e")}
          ) THEN 'returning'
          ELSE 'new'
        END AS "kind"
      FROM "Transaction" t
      WHERE ${within(`t."occurredAt"`, scope.lo, scope.hi)} AND ${isSale("t")} AND t."currency" = ${scope.currency}
    )
    SELECT k."kind" AS "kind", COUNT(DISTINCT k."customerId") AS "customers", COUNT(*) AS "n", SUM(k."revenue") AS "revenue"
    FROM k GROUP BY k."kind"`);
  const of = (kind: string) => rows.find((r) => r.kind === kind);
  return {
    newCustomers: num(of("new")?.customers),
    returningCustomers: num(of("returning")?.customers),
    walkIns: num(of("walk_in")?.n),
    newRevenue: num(of("new")?.revenue),
    returningRevenue: num(of("returning")?.revenue),
    walkInRevenue: num(of("walk_in")?.revenue),
  };
}
