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
  // Each customer of the range once (their sales summed first), then one look back per customer
  // rather than per sale.
  const rows = await queryRows<Row>(sql`
    WITH c AS (
      SELECT t."customerId" AS "customerId", COUNT(*) AS "n", SUM(t."total" - t."tax") AS "revenue"
      FROM "Transaction" t
      WHERE ${within(`t."occurredAt"`, scope.lo, scope.hi)} AND ${isSale("t")} AND t."currency" = ${scope.currency}
      GROUP BY t."customerId"
    ), k AS (
      SELECT c."customerId" AS "customerId", c."n" AS "n", c."revenue" AS "revenue",
        CASE
          WHEN c."customerId" IS NULL THEN 'walk_in'
          WHEN EXISTS (
            SELECT 1 FROM "Transaction" e
            WHERE e."customerId" = c."customerId" AND e."occurredAt" < ${scope.lo} AND ${isSale("e")}
          ) THEN 'returning'
          ELSE 'new'
        END AS "kind"
      FROM c
    )
    SELECT k."kind" AS "kind", COUNT(k."customerId") AS "customers", SUM(k."n") AS "n", SUM(k."revenue") AS "revenue"
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
