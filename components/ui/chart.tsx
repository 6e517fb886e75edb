"use client";
// The one chart component (over recharts): line, area, bar, stacked bar and donut are variants of
// it, so every chart in the app shares colours, axes, tooltip, legend and accessibility. Colours
// are CSS variables set on the wrapper from the Tailwind tokens (brand, success, warning…) with
// dark-mode values, so a theme switch needs no re-render. Each chart carries a visually hidden
// table of its data (screen readers read numbers, not paths) and recharts' keyboard layer: the
// plot is focusable and the arrow keys move the tooltip from point to point. The recharts plot itself loads after the page (chart-plot.tsx).
import dynamic from "next/dynamic";
import { useId } from "react";
import {
  PALETTE,
  SLICE_TONES,
  Swatch,
  TONE_VAR,
  formatChartValue,
  numberOf,
  seriesColor,
  share,
  type ChartDatum,
  type ChartSeries,
  type ChartValueFormat,
  type ChartVariant,
} from "@/components/ui/chart-theme";
import { cn } from "@/lib/cn";

export {
  CHART_TONES,
  formatChartTick,
  formatChartValue,
  toneColor,
  type ChartDatum,
  type ChartSeries,
  type ChartTone,
  type ChartValueFormat,
  type ChartVariant,
} from "@/components/ui/chart-theme";

// recharts loads after the page, so pages with charts stay within their first-load budget; until
// it arrives the plot's box keeps its height (no layout shift) and the data table is already there.
const ChartPlot = dynamic(() => import("@/components/ui/chart-plot"), {
  ssr: false,
  loading: () => <div className="h-full animate-pulse rounded-lg bg-muted/50" />,
});

export type ChartProps = {
  variant: ChartVariant;
  data: readonly ChartDatum[];
  /** The values drawn; a donut draws the first series, one slice per datum. */
  series: readonly ChartSeries[];
  /** Accessible name of the chart (the card's heading says it visually). */
  title: string;
  description?: string;
  format: ChartValueFormat;
  /** Bars run sideways (ranked lists with long names). */
  horizontal?: boolean;
  /** A sparkline: no axes, grid or legend. */
  compact?: boolean;
  height?: number;
  className?: string;
};

export function Chart({
  variant,
  data,
  series,
  title,
  description,
  format,
  horizontal = false,
  compact = false,
  height,
  className,
}: ChartProps) {
  const descriptionId = useId();
  const rows = data as ChartDatum[];
  const chartHeight = height ?? (compact ? 56 : variant === "donut" ? 220 : 280);
  const showLegend = !compact && (variant === "donut" || series.length > 1);
  const donutTotal =
    variant === "donut" && series[0] ? rows.reduce((sum, d) => sum + (numberOf(d, series[0]!.key) ?? 0), 0) : 0;

  return (
    <figure
      data-chart={variant}
      aria-labelledby={`${descriptionId}-title`}
      aria-describedby={description ? `${descriptionId}-desc` : undefined}
      className={cn(PALETTE, "m-0 min-w-0", className)}
    >
      <figcaption className="sr-only">
        <span id={`${descriptionId}-title`}>{title}</span>
        {description ? <span id={`${descriptionId}-desc`}>. {description}</span> : null}
      </figcaption>
      {showLegend && variant !== "donut" ? <Legend series={series} /> : null}
      <div className={cn(variant === "donut" && "grid items-center gap-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]")}>
        <div className="relative" style={{ height: chartHeight }}>
          <ChartPlot
            variant={variant}
            rows={rows}
            series={series}
            format={format}
            horizontal={horizontal}
            compact={compact}
            title={title}
            idPrefix={descriptionId}
            height={chartHeight}
          />
          {variant === "donut" ? (
            <div className="pointer-events-none absolute inset-0 flex flex-col items-center justify-center text-center">
              <span className="text-xs text-muted-foreground">Total</span>
              <span className="text-base font-semibold tabular-nums text-foreground">
                {formatChartValue(donutTotal, format)}
              </span>
            </div>
          ) : null}
        </div>
        {variant === "donut" && series[0] ? (
          <DonutLegend rows={rows} valueKey={series[0].key} total={donutTotal} format={format} />
        ) : null}
      </div>
      <ChartDataTable title={title} rows={rows} series={series} format={format} withShare={variant === "donut"} />
    </figure>
  );
}

function Legend({ series }: { series: readonly ChartSeries[] }) {
  return (
    <ul aria-hidden="true" className="mb-3 flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground">
      {series.map((s, i) => (
        <li key={s.key} className="inline-flex items-center gap-1.5">
          <Swatch color={seriesColor(s, i)} dashed={s.dashed} />
          {s.label}
        </li>
      ))}
    </ul>
  );
}

function DonutLegend({
  rows,
  valueKey,
  total,
  format,
}: {
  rows: ChartDatum[];
  valueKey: string;
  total: number;
  format: ChartValueFormat;
}) {
  return (
    <ul aria-hidden="true" className="space-y-2 text-sm">
      {rows.map((d, i) => {
        const value = numberOf(d, valueKey) ?? 0;
        return (
          <li key={`${d.label}-${i}`} className="flex items-start gap-2">
            <span className="mt-1.5">
              <Swatch color={TONE_VAR[SLICE_TONES[i % SLICE_TONES.length] ?? "brand"]} />
            </span>
            <span className="min-w-0 flex-1">
              <span className="block truncate text-foreground">{d.label}</span>
              <span className="block text-xs tabular-nums text-muted-foreground">
                {formatChartValue(value, format)} · {share(value, total)}
              </span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}

function ChartDataTable({
  title,
  rows,
  series,
  format,
  withShare,
}: {
  title: string;
  rows: ChartDatum[];
  series: readonly ChartSeries[];
  format: ChartValueFormat;
  withShare: boolean;
}) {
  const key = series[0]?.key ?? "";
  const total = withShare ? rows.reduce((sum, d) => sum + (numberOf(d, key) ?? 0), 0) : 0;
  return (
    // In a clipped box: a table ignores width: 1px and would widen the page at phone sizes.
    <div className="sr-only">
      <table data-testid="chart-data">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            {series.map((s) => (
              <th key={s.key} scope="col">
                {s.label}
              </th>
            ))}
            {withShare ? <th scope="col">Share</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((d, i) => (
            <tr key={`${d.label}-${i}`}>
              <th scope="row">{d.label}</th>
              {series.map((s) => (
                <td key={s.key}>{formatChartValue(numberOf(d, s.key), format)}</td>
              ))}
              {withShare ? <td>{share(numberOf(d, key) ?? 0, total)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
