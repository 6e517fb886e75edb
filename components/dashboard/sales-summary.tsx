// The dashboard's compact analytics block (for those who hold analytics.read): today and the last
// seven days — revenue, sales and the change against the period before — with a sparkline of the
// week through the shared chart component, and a link to the full reports.
import Link from "next/link";
import { ArrowRight } from "lucide-react";
import { Chart } from "@/components/ui/chart";
import { Card, CardHeader } from "@/components/ui/card";
import { TimeZoneSync } from "@/components/analytics/time-zone-sync";
import { formatBucket } from "@/components/analytics/analytics-format";
import { changeTone, describeChange, formatChange, percentChange } from "@/components/analytics/percent-change";
import { cn } from "@/lib/cn";
import { formatMoney } from "@/lib/money";
import type { KpiReport, SalesSeries } from "@/lib/validations/analytics";

function Period({ label, against, report, href }: { label: string; against: string; report: KpiReport; href: string }) {
  const money = (n: number) => formatMoney(n, report.currency);
  const change = percentChange(report.current.revenue, report.previous?.revenue);
  const tone = changeTone(change);
  return (
    <Link
      href={href}
      className="group block min-w-0 rounded-lg px-3 py-2 transition hover:bg-muted/60"
      data-testid="summary-period"
    >
      <p className="text-xs font-medium uppercase tracking-wide text-muted-foreground">{label}</p>
      <p className="mt-1 text-xl font-semibold tabular-nums tracking-tight text-foreground">
        {money(report.current.revenue)}
      </p>
      <p className="text-xs text-muted-foreground">
        {report.current.transactions} sale{report.current.transactions === 1 ? "" : "s"}
        {report.previous ? (
          <>
            {" · "}
            <span
              aria-hidden="true"
              className={cn(
                tone === "good" ? "text-success" : tone === "bad" ? "text-danger" : "text-muted-foreground",
              )}
            >
              {formatChange(change)}
            </span>
            <span aria-hidden="true"> {against}</span>
            <span className="sr-only">{describeChange(change, money(report.previous.revenue))}</span>
          </>
        ) : null}
      </p>
    </Link>
  );
}

export function SalesSummary({
  today,
  week,
  series,
  tz,
}: {
  today: KpiReport;
  week: KpiReport;
  series: SalesSeries;
  tz: string;
}) {
  const q = (preset: string) => `/analytics?${new URLSearchParams({ preset, tz })}`;
  return (
    <Card data-testid="sales-summary">
      <TimeZoneSync tz={tz} mode="refresh" />
      <CardHeader
        title="Sales"
        description={`Revenue before tax, in ${week.currency}.`}
        action={
          <Link
            href={q("last_30_days")}
            className="inline-flex items-center gap-1 text-sm font-medium text-brand hover:underline"
          >
            Analytics <ArrowRight className="size-3.5" aria-hidden="true" />
          </Link>
        }
      />
      <div className="grid gap-2 px-3 pb-4 pt-3 sm:grid-cols-[1fr_1fr_minmax(0,1.4fr)] sm:items-center">
        <Period label="Today" against="vs yesterday" report={today} href={q("today")} />
        <Period label="Last 7 days" against="vs the 7 before" report={week} href={q("last_7_days")} />
        <div className="px-3">
          <Chart
            variant="area"
            compact
            height={64}
            data={series.points.map((p) => ({ label: formatBucket(p.start, "day"), revenue: p.revenue }))}
            series={[{ key: "revenue", label: "Revenue", tone: "brand" }]}
            title="Revenue per day, last 7 days"
            format={{ kind: "money", currency: series.currency }}
          />
        </div>
      </div>
    </Card>
  );
}
