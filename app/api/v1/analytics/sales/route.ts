import { analyticsGet } from "../analytics-get";
import { SALES_COLUMNS } from "@/lib/data/analytics/analytics-csv-columns";
import { getSalesSeries } from "@/lib/data/analytics/get-sales-series";

/**
 * GET /api/v1/analytics/sales?from=&to=&bucket=day|week|month&tz=: revenue, transactions and units
 * per local day, Monday week or month, with the previous period's revenue at the same offset.
 * `format=csv`: one row per bucket (audited).
 */
export const GET = analyticsGet({
  report: "sales",
  load: (actor, query) => getSalesSeries(actor, query),
  columns: SALES_COLUMNS,
  rows: (series) => series.points.map((p) => ({ ...p, currency: series.currency })),
});
