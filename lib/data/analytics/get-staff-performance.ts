// Each staff member's sales in a range: revenue (after discounts, before tax), number of sales,
// average ticket, the refunds given in the range on sales they made (counted when given), and their
// revenue in the previous period. Anyone with a sale in either period or a refund in the range is
// listed, highest revenue first.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { isSale, num, queryRows, sql, within } from "@/lib/data/analytics/analytics-sql";
import { reportScope } from "@/lib/data/analytics/report-scope";
import type { AnalyticsQuery, StaffRow } from "@/lib/validations/analytics";

type Row = {
  staffId: string;
  firstName: string;
  lastName: string;
  revenue: unknown;
  n: unknown;
  prev: unknown;
  refunds: unknown;
  refundCount: unknown;
};

export async function getStaffPerformance(actor: Actor | null, query: AnalyticsQuery): Promise<StaffRow[]> {
  const scope = await reportScope(actor, query);
  const { lo, hi, currency } = scope;
  const start = query.compare ? scope.prevLo : lo;
  const rows = await queryRows<Row>(sql`
    WITH s AS (
      SELECT t."staffId" AS "staffId",
        SUM(CASE WHEN t."occurredAt" >= ${lo} THEN t."total" - t."tax" ELSE 0 END) AS "revenue",
        SUM(CASE WHEN t."occurredAt" >= ${lo} THEN 1 ELSE 0 END) AS "n",
        SUM(CASE WHEN t."occurredAt" < ${lo} THEN t."total" - t."tax" ELSE 0 END) AS "prev"
      FROM "Transaction" t
      WHERE ${within(`t."occurredAt"`, start, hi)} AND ${isSale("t")} AND t."currency" = ${currency}
      GROUP BY t."staffId"
    ), f AS (
      SELECT t."staffId" AS "staffId", SUM(r."amount") AS "refunds", COUNT(*) AS "refundCount"
      FROM "Refund" r JOIN "Transaction" t ON t."id" = r."transactionId"
      WHERE ${within(`r."createdAt"`, lo, hi)} AND t."currency" = ${currency}
      GROUP BY t."staffId"
    ), ids AS (
      SELECT "staffId" FROM s UNION SELECT "staffId" FROM f
    )
    SELECT u."id" AS "staffId", u."firstName" AS "firstName", u."lastName" AS "lastName",
      s."revenue" AS "revenue", s."n" AS "n", s."prev" AS "prev", f."refunds" AS "refunds", f."refundCount" AS "refundCount"
    FROM ids JOIN "User" u ON u."id" = ids."staffId"
      LEFT JOIN s ON s."staffId" = ids."staffId"
      LEFT JOIN f ON f."staffId" = ids."staffId"
    ORDER BY COALESCE(s."revenue", 0) DESC, u."lastName" ASC, u."firstName" ASC, u."id" ASC`);
  return rows.map((r) => {
    const revenue = num(r.revenue);
    const transactions = num(r.n);
    return {
      staffId: r.staffId,
      name: `${r.firstName} ${r.lastName}`.trim(),
      revenue,
      transactions,
      averageTicket: transactions ? Math.round(revenue / transactions) : 0,
      refunds: num(r.refunds),
      refundCount: num(r.refundCount),
      previousRevenue: query.compare ? num(r.prev) : null,
    };
  });
}
