// Active products at or below their low-stock threshold (a threshold of 0 alerts only when the
// shelf is empty), emptiest first relative to the threshold. Not tied to a date range or currency.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/rbac/can";
import { num, queryRows, sql } from "@/lib/data/analytics/analytics-sql";
import type { AnalyticsQuery, StockAlertRow } from "@/lib/validations/analytics";

type Row = { productId: string; name: string; sku: string; quantity: unknown; threshold: unknown };

/** At most MAX_STOCK_ALERTS rows: a shop with more needs a stock list, not a chart. */
export const MAX_STOCK_ALERTS = 200;

/** The query is accepted for a uniform call shape; stock is "now", whatever the range. */
export async function listStockAlerts(
  actor: Actor | null,
  _query?: AnalyticsQuery,
  options: { limit?: number } = {},
): Promise<StockAlertRow[]> {
  requirePermission(actor, "analytics.read");
  const limit = Math.max(1, Math.min(options.limit ?? MAX_STOCK_ALERTS, MAX_STOCK_ALERTS));
  const rows = await queryRows<Row>(sql`
    SELECT p."id" AS "productId", p."name" AS "name", p."sku" AS "sku", p."stock" AS "quantity",
      p."lowStockThreshold" AS "threshold"
    FROM "Product" p
    WHERE p."active" = ${true} AND p."archivedAt" IS NULL AND p."stock" <= p."lowStockThreshold"
    ORDER BY (p."stock" - p."lowStockThreshold") ASC, p."stock" ASC, p."name" ASC, p."id" ASC
    LIMIT ${limit}`);
  return rows.map((r) => ({
    productId: r.productId,
    name: r.name,
    sku: r.sku,
    quantity: num(r.quantity),
    threshold: num(r.threshold),
  }));
}
