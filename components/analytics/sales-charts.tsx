// Revenue over time (the range against the same offsets of the previous period) and the money
// that leaves a sale: discounts, refunds and tax, this period against the previous one.
import { Chart, type ChartSeries } from "@/components/ui/chart";
import { ReportCard } from "@/components/analytics/report-card";
import { BUCKET_LABELS, formatBucket, formatRange } from "@/components/analytics/analytics-format";
import type { KpiReport, SalesSeries } from "@/lib/validations/analytics";

export function RevenueOverTime({ series, kpis, csv }: { series: SalesSeries; kpis: KpiReport; csv: string }) {
  const compare = kpis.previous !== null;
  const data = series.points.map((p) => ({
    label: formatBucket(p.start, series.bucket),
    revenue: p.revenue,
    previousRevenue: p.previousRevenue,
    transactions: p.transactions,
  }));
  const lines: ChartSeries[] = [
    { key: "revenue", label: `This period (${formatRange(kpis.range)})`, tone: "brand" },
    ...(compare
      ? [
          {
            key: "previousRevenue",
            label: `Previous (${formatRange(kpis.previousRange)})`,
            tone: "previous",
            dashed: true,
          } as const,
        ]
      : []),
  ];
  return (
    <ReportCard
      id="revenue"
      title="Revenue over time"
      description={`By ${BUCKET_LABELS[series.bucket].toLowerCase()}, net of discounts and before tax${compare ? ", against the previous period" : ""}.`}
      csvHref={csv}
      empty={series.points.every((p) => p.revenue === 0 && !p.previousRevenue)}
    >
      <Chart
        variant="area"
        data={data}
        series={lines}
        title="Revenue over time"
        description={`Revenue per ${series.bucket} in ${series.currency}`}
        format={{ kind: "money", currency: series.currency }}
        height={300}
      />
    </ReportCard>
  );
}

export function MoneyFlow({ kpis, csv }: { kpis: KpiReport; csv: string }) {
  const { current, previous } = kpis;
  const data = [
    { label: "Discounts", current: current.discounts, previous: previous?.discounts ?? null },
    { label: "Refunds", current: current.refunds, previous: previous?.refunds ?? null },
    { label: "Tax collected", current: current.tax, previous: previous?.tax ?? null },
  ];
  return (
    <ReportCard
      id="discounts-refunds-tax"
      title="Discounts, refunds and tax"
      description="Given away, given back and collected for the tax office."
      csvHref={csv}
      empty={current.discounts === 0 && current.refunds === 0 && current.tax === 0 && !previous?.revenue}
    >
      <Chart
        variant="bar"
        data={data}
        series={[
          { key: "current", label: "This period", tone: "amber" },
          ...(previous ? [{ key: "previous", label: "Previous period", tone: "previous", dashed: true } as const] : []),
        ]}
        title="Discounts, refunds and tax"
        format={{ kind: "money", currency: kpis.currency }}
        height={240}
      />
    </ReportCard>
  );
}
