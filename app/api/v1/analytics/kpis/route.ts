import { analyticsGet } from "../analytics-get";
import { KPI_COLUMNS, kpiCsvRows } from "@/lib/data/analytics/analytics-csv-columns";
import { getKpis } from "@/lib/data/analytics/get-kpis";

/**
 * GET /api/v1/analytics/kpis?from=&to=|preset=&tz=&currency=&compare=: revenue, transactions,
 * average ticket, units, new customers, refunds, discounts, tax and gross margin of the range and of
 * the same number of days before it. `format=csv`: one row per figure (audited).
 */
export const GET = analyticsGet({
  report: "kpis",
  load: (actor, query) => getKpis(actor, query),
  columns: KPI_COLUMNS,
  rows: kpiCsvRows,
});
