// The one shape of every GET /api/v1/analytics/<report>: withApi with analytics.read, the query
// parsed strictly (422 naming each bad parameter), the currency resolved once, then JSON
// `{ data, meta }` or, with `format=csv`, the same rows as a CSV download (audited as
// analytics.exported). Each route file names its DAL call and its CSV rows.
import { json, withApi, type AuthedApiContext } from "@/lib/api/with-api";
import type { Actor } from "@/lib/auth/actor";
import { csvResponse, type CsvColumn } from "@/lib/csv/csv-export";
import { auditAnalyticsExport, type AnalyticsReport } from "@/lib/data/analytics/audit-analytics-export";
import { resolveReportCurrency } from "@/lib/data/analytics/resolve-report-currency";
import { ValidationError } from "@/lib/errors";
import {
  parseAnalyticsQueryStrict,
  previousRange,
  type AnalyticsQuery,
} from "@/lib/validations/analytics";

export type ReportFormat = "json" | "csv";

/** `format` is json (default) or csv; anything else is a 422 naming it. */
export function formatOf(params: URLSearchParams): ReportFormat {
  const value = params.get("format");
  if (value === null || value === "" || value === "json") return "json";
  if (value === "csv") return "csv";
  throw new ValidationError({ format: ["The format is json or csv."] });
}

export type AnalyticsMeta = {
  from: string;
  to: string;
  tz: string;
  currency: string;
  compare: boolean;
  previous: { from: string; to: string } | null;
};

function metaOf(query: AnalyticsQuery & { currency: string }): AnalyticsMeta {
  return {
    from: query.from,
    to: query.to,
    tz: query.tz,
    currency: query.currency,
    compare: query.compare,
    previous: query.compare ? previousRange(query) : null,
  };
}

type RangeReport<Result, Row> = {
  report: AnalyticsReport;
  load: (actor: Actor, query: AnalyticsQuery & { currency: string }, params: URLSearchParams) => Promise<Result>;
  columns: readonly CsvColumn<Row>[];
  rows: (result: Result, query: AnalyticsQuery & { currency: string }) => Row[];
};

export function csvDownload<Row>(
  filename: string,
  columns: readonly CsvColumn<Row>[],
  rows: Row[],
): Response {
  return csvResponse({
    filename,
    columns,
    pages: (async function* () {
      if (rows.length) yield rows;
    })(),
  });
}

/** A GET over a date range (every report but the Z report). */
export function analyticsGet<Result, Row>(spec: RangeReport<Result, Row>) {
  return withApi(
    async (ctx: AuthedApiContext) => {
      const format = formatOf(ctx.searchParams);
      const query = await resolveReportCurrency(ctx.actor, parseAnalyticsQueryStrict(ctx.searchParams));
      const result = await spec.load(ctx.actor, query, ctx.searchParams);
      if (format === "json") return json({ data: result, meta: metaOf(query) });
      const rows = spec.rows(result, query);
      await auditAnalyticsExport(
        ctx.actor,
        spec.report,
        { from: query.from, to: query.to, tz: query.tz, currency: query.currency, bucket: query.bucket, rows: rows.length },
        ctx,
      );
      return csvDownload(`analytics-${spec.report}-${query.from}-${query.to}-${query.currency}.csv`, spec.columns, rows);
    },
    { permission: "analytics.read", sameOriginReads: true },
  );
}
