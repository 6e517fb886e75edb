// The customers who bought most in a range (revenue after discounts, before tax). Walk-in sales
// (no customer) are not anyone's; the customer mix report counts them.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { isSale, num, queryRows, sql, within } from "@/lib/data/analytics/analytics-sql";
import { reportScope } from "@/lib/data/analytics/report-scope";
import type { AnalyticsQuery, CustomerRow } from "@/lib/validations/analytics";

type Row = { customerId: string; name: string; revenue: unknown; n: unknown };

export async function getTopCustomers(actor: Actor | null, query: AnalyticsQuery): Promise<CustomerRow[]> {
  const scope = await reportScope(actor, query);
  const rows = await queryRows<Row>(sql`
    WITH s AS (
      SELECT t."customerId" AS "customerId", SUM(t."total" - t."tax") AS "revenue", COUNT(*) AS "n"
      FROM "Transaction" t
      WHERE ${within(`t."occurredAt"`, scope.lo, scope.hi)} AND ${isSale("t")} AND t."currency" = ${scope.currency}
        AND t."customerId" IS NOT NULL
      GROUP BY t."customerId"
    )
    SELECT c."id" AS "customerId", c."name" AS "name", s."revenue" AS "revenue", s."n" AS "n"
    FROM s JOIN "Customer" c ON c."id" = s."customerId"
    ORDER BY s."revenue" DESC, s."n" DESC, c."id" ASC
    LIMIT ${query.limit}`);
  return rows.map((r) => ({ customerId: r.customerId, name: r.name, revenue: num(r.revenue), transactions: num(r.n) }));
}
