import { analyticsGet } from "../analytics-get";
import { HEATMAP_COLUMNS } from "@/lib/data/analytics/analytics-csv-columns";
import { getSalesHeatmap } from "@/lib/data/analytics/get-sales-heatmap";

/**
 * GET /api/v1/analytics/heatmap?from=&to=&tz=: revenue and sales per local weekday (1 = Monday) and
 * hour; only cells with sales. `format=csv` (audited).
 */
export const GET = analyticsGet({
  report: "heatmap",
  load: (actor, query) => getSalesHeatmap(actor, query),
  columns: HEATMAP_COLUMNS,
  rows: (cells, query) => cells.map((c) => ({ ...c, currency: query.currency })),
});
