// Each staff member's sales in a range: revenue (after discounts, before tax), number of sales,
// average ticket, the refunds given in the range on sales they made (counted when given), and their
// revenue in the previous period. Anyone with a sale in either period or a refund in the range is
// listed, highest revenue first. Whole UTC days come from the day rollup, the hours left at the
// ends from the sales (rollups.ts).
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { integer, isSale, join, num, queryRows, sql, within } from "@/lib/data/analytics/analytics-sql";
import { reportScope } from "@/lib/data/analytics/report-scope";
import { DAY_SECONDS, edgeBranches, splitRange, unitsWithin, type ReportSource } from "@/lib/data/analytics/rollups";
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

export async function getStaffPerformance(
  actor: Actor | null,
  query: AnalyticsQuery,
  source?: ReportSource,
): Promise<StaffRow[]> {
  const scope = await reportScope(actor, query, source);
  const { lo, hi, currency } = scope;
  const periods = [{ p: 0, lo, hi }, ...(query.compare ? [{ p: 1, lo: scope.prevLo, hi: lo }] : [])];
  const branches = periods.map(({ p, lo: from, hi: to }) => {
    const split = splitRange(from, to, DAY_SECONDS, source);
    return sql`
      SELECT ${integer(p)} AS "p", r."staffId" AS "staffId", r."revenue" AS "revenue", r."sales" AS "n"
      FROM "SalesDayRollup" r WHERE r."currency" = ${currency} AND ${unitsWithin(`r."day"`, split)}
      ${edgeBranches(
        split.edges,
        (e) => sql`
        SELECT ${integer(p)}, t."staffId", t."total" - t."tax", 1 FROM "Transaction" t
        WHERE ${within(`t."occurredAt"`, e.lo, e.hi)} AND ${isSale("t")} AND t."currency" = ${currency}`,
      )}`;
  });
  const rows = await queryRows<Row>(sql`
    WITH x AS (${join(branches, " UNION ALL ")}), s AS (
      SELECT x."staffId" AS "staffId",
        SUM(CASE WHEN x."p" = 0 THEN x."revenue" ELSE 0 END) AS "revenue",
        SUM(CASE WHEN x."p" = 0 THEN x."n" ELSE 0 END) AS "n",
        SUM(CASE WHEN x."p" = 1 THEN x."revenue" ELSE 0 END) AS "prev"
      FROM x
      GROUP BY x."staffId"
      HAVING SUM(x."n") > 0
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
