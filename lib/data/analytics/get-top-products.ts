// The best-selling products of a range by revenue (after discounts, before tax) or by units, with
// what the units cost at sale time and the gross margin that leaves. Names and SKUs are the
// product's current ones (a renamed product stays one row). Whole UTC days come from the product
// day rollup, the hours left at the ends from the lines (rollups.ts).
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { isSale, num, queryRows, SALE_LINES, sql, within } from "@/lib/data/analytics/analytics-sql";
import { reportScope } from "@/lib/data/analytics/report-scope";
import { DAY_SECONDS, edgeBranches, splitRange, unitsWithin, type ReportSource } from "@/lib/data/analytics/rollups";
import type { AnalyticsQuery, ProductRow, ProductSort } from "@/lib/validations/analytics";

type Row = { productId: string; name: string; sku: string; revenue: unknown; units: unknown; cost: unknown };

export async function getTopProducts(
  actor: Actor | null,
  query: AnalyticsQuery,
  options: { sort?: ProductSort; source?: ReportSource } = {},
): Promise<ProductRow[]> {
  const scope = await reportScope(actor, query, options.source);
  const split = splitRange(scope.lo, scope.hi, DAY_SECONDS, options.source);
  const order =
    options.sort === "units"
      ? sql`"units" DESC, "revenue" DESC, p."id" ASC`
      : sql`"revenue" DESC, "units" DESC, p."id" ASC`;
  const rows = await queryRows<Row>(sql`
    WITH x AS (
      SELECT r."productId" AS "productId", r."revenue" AS "revenue", r."units" AS "units", r."cost" AS "cost"
      FROM "ProductDayRollup" r WHERE r."currency" = ${scope.currency} AND ${unitsWithin(`r."day"`, split)}
      ${edgeBranches(
        split.edges,
        (e) => sql`
        SELECT l."productId", l."total" - l."tax", l."quantity", CAST(l."quantity" AS BIGINT) * l."unitCost"
        FROM ${SALE_LINES}
        WHERE l."transactionId" = t."id" AND ${within(`t."occurredAt"`, e.lo, e.hi)} AND ${isSale("t")} AND t."currency" = ${scope.currency}`,
      )}
    ), s AS (
      SELECT x."productId" AS "productId", SUM(x."revenue") AS "revenue", SUM(x."units") AS "units", SUM(x."cost") AS "cost"
      FROM x GROUP BY x."productId" HAVING SUM(x."units") <> 0 OR SUM(x."revenue") <> 0
    )
    SELECT p."id" AS "productId", p."name" AS "name", p."sku" AS "sku", s."revenue" AS "revenue",
      s."units" AS "units", s."cost" AS "cost"
    FROM s JOIN "Product" p ON p."id" = s."productId"
    ORDER BY ${order}
    LIMIT ${query.limit}`);
  return rows.map((r) => {
    const revenue = num(r.revenue);
    const cost = num(r.cost);
    return {
      productId: r.productId,
      name: r.name,
      sku: r.sku,
      revenue,
      units: num(r.units),
      cost,
      grossMargin: revenue - cost,
      grossMarginRate: revenue > 0 ? (revenue - cost) / revenue : 0,
    };
  });
}
