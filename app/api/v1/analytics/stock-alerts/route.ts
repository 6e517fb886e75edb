import { csvDownload, formatOf } from "../analytics-get";
import { json, withApi } from "@/lib/api/with-api";
import { STOCK_ALERT_COLUMNS } from "@/lib/data/analytics/analytics-csv-columns";
import { auditAnalyticsExport } from "@/lib/data/analytics/audit-analytics-export";
import { listStockAlerts } from "@/lib/data/analytics/list-stock-alerts";

/**
 * GET /api/v1/analytics/stock-alerts: active products at or below their low-stock threshold, as
 * they are now (no range). `format=csv` (audited).
 */
export const GET = withApi(
  async (ctx) => {
    const format = formatOf(ctx.searchParams);
    const rows = await listStockAlerts(ctx.actor);
    if (format === "json") return json({ data: rows });
    await auditAnalyticsExport(ctx.actor, "stock-alerts", { rows: rows.length }, ctx);
    return csvDownload(`analytics-stock-alerts-${new Date().toISOString().slice(0, 10)}.csv`, STOCK_ALERT_COLUMNS, rows);
  },
  { permission: "analytics.read" },
);
