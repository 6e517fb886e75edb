import { csvDownload, formatOf } from "../analytics-get";
import { json, withApi } from "@/lib/api/with-api";
import { Z_COLUMNS, zCsvRows } from "@/lib/data/analytics/analytics-csv-columns";
import { auditAnalyticsExport } from "@/lib/data/analytics/audit-analytics-export";
import { getZReport } from "@/lib/data/analytics/get-z-report";
import { parseZReportQueryStrict } from "@/lib/validations/analytics";

/**
 * GET /api/v1/analytics/z-report?date=&tz=&currency=&staffId=: the end-of-day report of one local
 * day (today in tz by default), per staff member and in total. `format=csv`: one row per staff
 * member and a Total row (audited).
 */
export const GET = withApi(
  async (ctx) => {
    const format = formatOf(ctx.searchParams);
    const report = await getZReport(ctx.actor, parseZReportQueryStrict(ctx.searchParams));
    if (format === "json") return json({ data: report });
    const rows = zCsvRows(report);
    await auditAnalyticsExport(
      ctx.actor,
      "z-report",
      { date: report.date, tz: report.tz, currency: report.currency, staffId: ctx.searchParams.get("staffId"), rows: rows.length },
      ctx,
    );
    return csvDownload(`analytics-z-report-${report.date}-${report.currency}.csv`, Z_COLUMNS, rows);
  },
  { permission: "analytics.read" },
);
