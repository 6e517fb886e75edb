import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { ArrowLeft, CalendarSearch, ReceiptText } from "lucide-react";
import { PrintButton } from "@/components/analytics/print-button";
import { TimeZoneSync } from "@/components/analytics/time-zone-sync";
import { ZReport, ZReportPrintStyle } from "@/components/analytics/z-report";
import { Button, buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { decodeTimeZoneCookie, TIME_ZONE_COOKIE } from "@/components/ui/time-zone";
import { requirePagePermission } from "@/lib/auth/require-page-viewer";
import { config } from "@/lib/config";
import { getZReport } from "@/lib/data/analytics/get-z-report";
import { formatDateTime } from "@/lib/format";
import { addDays, isTimeZone, parseZReportQuery } from "@/lib/validations/analytics";

export const metadata: Metadata = { title: "End-of-day report" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function ZReportPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await requirePagePermission("analytics.read");
  const params = await searchParams;
  const remembered = decodeTimeZoneCookie((await cookies()).get(TIME_ZONE_COOKIE)?.value) ?? "";
  const hasTz = Boolean(Array.isArray(params.tz) ? params.tz[0] : params.tz);
  const query = parseZReportQuery({ ...params, ...(hasTz || !isTimeZone(remembered) ? {} : { tz: remembered }) });
  const report = await getZReport(viewer, query);
  const day = (date: string) => `/analytics/z-report?${new URLSearchParams({ date, tz: query.tz })}`;
  const empty = report.totals.transactions === 0 && report.totals.refunds === 0 && report.totals.voids === 0;

  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <TimeZoneSync tz={query.tz} mode="url" />
      <ZReportPrintStyle />
      <div className="flex flex-col gap-4 print:hidden sm:flex-row sm:items-end sm:justify-between">
        <div>
          <Link
            href={`/analytics?${new URLSearchParams({ tz: query.tz })}`}
            className={buttonClasses("ghost", "sm", "-ml-3 mb-2")}
          >
            <ArrowLeft className="size-4" aria-hidden="true" />
            Analytics
          </Link>
          <h1 className="text-2xl font-semibold tracking-tight text-foreground">End-of-day report</h1>
          <p className="mt-1 text-sm text-muted-foreground">
            The Z report of one day: takings per staff member and in total, ready to print.
          </p>
        </div>
        <PrintButton label="Print report" />
      </div>

      <form
        method="get"
        action="/analytics/z-report"
        className="flex flex-wrap items-end gap-3 rounded-xl border border-border bg-surface px-5 py-4 shadow-sm print:hidden"
      >
        <input type="hidden" name="tz" value={query.tz} />
        {query.currency ? <input type="hidden" name="currency" value={query.currency} /> : null}
        <div className="space-y-1.5">
          <label htmlFor="z-date" className="block text-sm font-medium text-foreground">
            Day
          </label>
          <Input id="z-date" name="date" type="date" defaultValue={report.date} required className="w-44" />
        </div>
        <Button type="submit" variant="secondary">
          <CalendarSearch className="size-4" aria-hidden="true" />
          Show
        </Button>
        <div className="ml-auto flex gap-1">
          <Link href={day(addDays(report.date, -1))} className={buttonClasses("ghost", "md")}>
            Previous day
          </Link>
          <Link href={day(addDays(report.date, 1))} className={buttonClasses("ghost", "md")}>
            Next day
          </Link>
        </div>
      </form>

      {empty ? (
        <div className="rounded-xl border border-border bg-surface shadow-sm print:hidden">
          <EmptyState
            icon={ReceiptText}
            title="No sales that day"
            description="Nothing was sold, refunded or voided on this day. Pick another day above."
          />
        </div>
      ) : null}
      <ZReport report={report} shopName={config.productName} printedAt={formatDateTime(new Date())} />
    </div>
  );
}
