// The best-selling products of a range by revenue (after discounts, before tax) or by units, with
// what the units cost at sale time and the gross margin that leaves. Names and SKUs are the
// product's current ones (a renamed product stays one row).
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { isSale, num, queryRows, SALE_LINES, sql, within } from "@/lib/data/analytics/analytics-sql";
import { reportScope } from "@/lib/data/analytics/report-scope";
import type { AnalyticsQuery, ProductRow, ProductSort } from "@/lib/validations/analytics";

type Row = { productId: string; name: string; sku: string; revenue: unknown; units: unknown; cost: unknown };

export async function getTopProducts(
  actor: Actor | null,
  query: AnalyticsQuery,
  options: { sort?: ProductSort } = {},
): Promise<ProductRow[]> {
  const scope = await reportScope(actor, query);
  const order =
    options.sort === "units"
      ? sql`"units" DESC, "revenue" DESC, p."id" ASC`
      : sql`"revenue" DESC, "units" DESC, p."id" ASC`;
  const rows = await queryRows<Row>(sql`
    WITH s AS (
      SELECT l."productId" AS "productId", SUM(l."total" - l."tax") AS "revenue", SUM(l."quantity") AS "units",
        SUM(CAST(l."quantity" AS BIGINT) * l."unitCost") AS "cost"
      FROM ${SALE_LINES}
      WHERE l."transactionId" = t."id" AND ${within(`t."occurredAt"`, scope.lo, scope.hi)} AND ${isSale("t")} AND t."currency" = ${scope.currency}
      GROUP BY l."productId"
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
