"use client";
// The one chart component (over recharts): line, area, bar, stacked bar and donut are variants of
// it, so every chart in the app shares colours, axes, tooltip, legend and accessibility. Colours
// are CSS variables set on the wrapper from the Tailwind tokens (brand, success, warning…) with
// dark-mode values, so a theme switch needs no re-render. Each chart carries a visually hidden
// table of its data (screen readers read numbers, not paths) and recharts' keyboard layer: the
// plot is focusable and the arrow keys move the tooltip from point to point.
import { useId } from "react";
import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  Line,
  LineChart,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from "recharts";
import type { NameType, ValueType } from "recharts/types/component/DefaultTooltipContent";
import { cn } from "@/lib/cn";
import { currencyDigits, formatMoney } from "@/lib/money";

export type ChartVariant = "line" | "area" | "bar" | "stacked-bar" | "donut";

/** How values read: money in minor units of a currency, plain counts, or a 0..1 share. */
export type ChartValueFormat = { kind: "money"; currency: string } | { kind: "number" } | { kind: "percent" };

export const CHART_TONES = ["brand", "teal", "amber", "green", "pink", "red", "previous"] as const;
export type ChartTone = (typeof CHART_TONES)[number];

export type ChartSeries = {
  key: string;
  label: string;
  tone?: ChartTone;
  /** Drawn dashed (e.g. the previous period). */
  dashed?: boolean;
};

/** One point (a bucket, a product, a slice): `label` names it, the series keys hold its values. */
export type ChartDatum = { label: string } & Record<string, string | number | null>;

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

const TONE_VAR: Record<ChartTone, string> = {
  brand: "var(--chart-brand)",
  teal: "var(--chart-teal)",
  amber: "var(--chart-amber)",
  green: "var(--chart-green)",
  pink: "var(--chart-pink)",
  red: "var(--chart-red)",
  previous: "var(--chart-previous)",
};
const SLICE_TONES: readonly ChartTone[] = ["brand", "teal", "amber", "green", "pink", "red"];

// Token-derived palette; the extra hues have a lighter dark-mode value for contrast on dark surfaces.
const PALETTE = cn(
  "[--chart-brand:var(--brand)] [--chart-amber:rgb(var(--warning))] [--chart-green:rgb(var(--success))]",
  "[--chart-red:rgb(var(--danger))] [--chart-previous:rgb(var(--muted-foreground))]",
  "[--chart-teal:#0d9488] dark:[--chart-teal:#2dd4bf] [--chart-pink:#db2777] dark:[--chart-pink:#f472b6]",
  "[--chart-grid:rgb(var(--border))] [--chart-text:rgb(var(--muted-foreground))]",
);

export function toneColor(tone: ChartTone): string {
  return TONE_VAR[tone];
}

function seriesColor(series: ChartSeries, index: number): string {
  return TONE_VAR[series.tone ?? SLICE_TONES[index % SLICE_TONES.length] ?? "brand"];
}

/** The full value, as tooltips and the hidden table read it. */
export function formatChartValue(value: number | null | undefined, format: ChartValueFormat): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "–";
  switch (format.kind) {
    case "money":
      return formatMoney(Math.round(value), format.currency);
    case "percent":
      return new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 }).format(value);
    case "number":
      return new Intl.NumberFormat("en-US").format(value);
  }
}

/** A short axis tick: "$12K", "1.2K", "40%". */
export function formatChartTick(value: number, format: ChartValueFormat): string {
  switch (format.kind) {
    case "money": {
      const major = value / 10 ** currencyDigits(format.currency);
      return new Intl.NumberFormat("en-US", {
        style: "currency",
        currency: format.currency,
        notation: "compact",
        maximumFractionDigits: Math.abs(major) < 10 ? 1 : 0,
      }).format(major);
    }
    case "percent":
      return new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 0 }).format(value);
    case "number":
      return new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 }).format(value);
  }
}

function numberOf(d: ChartDatum, key: string): number | null {
  const v = d[key];
  return typeof v === "number" ? v : null;
}

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
          <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 320, height: chartHeight }}>
            {renderPlot({ variant, rows, series, format, horizontal, compact, title, idPrefix: descriptionId })}
          </ResponsiveContainer>
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

function renderPlot({
  variant,
  rows,
  series,
  format,
  horizontal,
  compact,
  title,
  idPrefix,
}: {
  idPrefix: string;
  variant: ChartVariant;
  rows: ChartDatum[];
  series: readonly ChartSeries[];
  format: ChartValueFormat;
  horizontal: boolean;
  compact: boolean;
  title: string;
}) {
  const tooltip = (
    <Tooltip
      content={(props: TooltipContentProps<ValueType, NameType>) => (
        <ChartTooltip {...props} format={format} series={series} />
      )}
      cursor={
        variant === "bar" || variant === "stacked-bar"
          ? { fill: "rgb(var(--muted))", opacity: 0.6 }
          : { stroke: "var(--chart-grid)" }
      }
      isAnimationActive={false}
    />
  );
  const tick = { fill: "var(--chart-text)", fontSize: 12 };
  const valueAxisProps = {
    tick,
    tickLine: false,
    axisLine: false,
    tickFormatter: (v: number) => formatChartTick(v, format),
    width: 56,
  } as const;
  const categoryAxisProps = {
    tick,
    tickLine: false,
    axisLine: { stroke: "var(--chart-grid)" },
    minTickGap: 12,
  } as const;
  const grid = (
    <CartesianGrid stroke="var(--chart-grid)" strokeDasharray="3 3" vertical={false} horizontal={!horizontal} />
  );
  const margin = compact ? { top: 4, right: 4, bottom: 4, left: 4 } : { top: 8, right: 12, bottom: 0, left: 0 };

  if (variant === "donut") {
    const key = series[0]?.key ?? "value";
    const slices = rows.map((d, i) => ({ ...d, fill: TONE_VAR[SLICE_TONES[i % SLICE_TONES.length] ?? "brand"] }));
    return (
      <PieChart accessibilityLayer title={title}>
        <Pie
          data={slices}
          dataKey={key}
          nameKey="label"
          innerRadius="62%"
          outerRadius="92%"
          paddingAngle={rows.length > 1 ? 2 : 0}
          stroke="rgb(var(--surface))"
          strokeWidth={2}
          isAnimationActive={false}
        />
        <Tooltip
          content={(props: TooltipContentProps<ValueType, NameType>) => (
            <ChartTooltip {...props} format={format} series={series} donut />
          )}
          isAnimationActive={false}
        />
      </PieChart>
    );
  }

  if (variant === "bar" || variant === "stacked-bar") {
    const stacked = variant === "stacked-bar";
    return (
      <BarChart
        data={rows}
        layout={horizontal ? "vertical" : "horizontal"}
        margin={margin}
        accessibilityLayer
        title={title}
        barCategoryGap={horizontal ? "22%" : "18%"}
      >
        {compact ? null : grid}
        {compact ? null : horizontal ? (
          <>
            <XAxis type="number" {...valueAxisProps} />
            <YAxis
              type="category"
              dataKey="label"
              {...categoryAxisProps}
              interval={0}
              width={128}
              tickFormatter={(v: string) => (v.length > 18 ? `${v.slice(0, 17)}…` : v)}
            />
          </>
        ) : (
          <>
            <XAxis dataKey="label" {...categoryAxisProps} />
            <YAxis {...valueAxisProps} />
          </>
        )}
        {tooltip}
        {series.map((s, i) => {
          const last = i === series.length - 1;
          const r = 4;
          const radius: [number, number, number, number] = stacked
            ? last
              ? horizontal
                ? [0, r, r, 0]
                : [r, r, 0, 0]
              : [0, 0, 0, 0]
            : horizontal
              ? [0, r, r, 0]
              : [r, r, 0, 0];
          return (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stackId={stacked ? "stack" : undefined}
              fill={seriesColor(s, i)}
              fillOpacity={s.dashed ? 0.45 : 1}
              radius={radius}
              maxBarSize={horizontal ? 22 : 40}
              isAnimationActive={false}
            />
          );
        })}
      </BarChart>
    );
  }

  if (variant === "area") {
    // useId gives ":r1:"-style ids; url(#…) needs a plain one.
    const gradient = `fill${idPrefix.replace(/[^A-Za-z0-9]/g, "")}`;
    return (
      <AreaChart data={rows} margin={margin} accessibilityLayer title={title}>
        <defs>
          {series.map((s, i) => (
            <linearGradient key={s.key} id={`${gradient}-${s.key}`} x1="0" y1="0" x2="0" y2="1">
              <stop offset="0%" stopColor={seriesColor(s, i)} stopOpacity={s.dashed ? 0.08 : 0.28} />
              <stop offset="100%" stopColor={seriesColor(s, i)} stopOpacity={0} />
            </linearGradient>
          ))}
        </defs>
        {compact ? null : grid}
        {compact ? null : <XAxis dataKey="label" {...categoryAxisProps} />}
        {compact ? null : <YAxis {...valueAxisProps} />}
        {tooltip}
        {/* The dashed (previous) series first, so the current one draws on top. */}
        {[...series.map((s, i) => ({ s, i }))]
          .sort((a, b) => Number(b.s.dashed ?? false) - Number(a.s.dashed ?? false))
          .map(({ s, i }) => (
            <Area
              key={s.key}
              type="monotone"
              dataKey={s.key}
              name={s.label}
              stroke={seriesColor(s, i)}
              strokeWidth={s.dashed ? 1.5 : 2}
              strokeDasharray={s.dashed ? "5 4" : undefined}
              fill={`url(#${gradient}-${s.key})`}
              dot={false}
              activeDot={{ r: 4, strokeWidth: 0 }}
              connectNulls
              isAnimationActive={false}
            />
          ))}
      </AreaChart>
    );
  }

  return (
    <LineChart data={rows} margin={margin} accessibilityLayer title={title}>
      {compact ? null : grid}
      {compact ? null : <XAxis dataKey="label" {...categoryAxisProps} />}
      {compact ? null : <YAxis {...valueAxisProps} />}
      {tooltip}
      {series.map((s, i) => (
        <Line
          key={s.key}
          type="monotone"
          dataKey={s.key}
          name={s.label}
          stroke={seriesColor(s, i)}
          strokeWidth={2}
          strokeDasharray={s.dashed ? "5 4" : undefined}
          dot={false}
          activeDot={{ r: 4, strokeWidth: 0 }}
          connectNulls
          isAnimationActive={false}
        />
      ))}
    </LineChart>
  );
}

function Swatch({ color, dashed }: { color: string; dashed?: boolean }) {
  return dashed ? (
    <span
      aria-hidden="true"
      className="inline-block h-0 w-3.5 border-t-2 border-dashed"
      style={{ borderColor: color }}
    />
  ) : (
    <span aria-hidden="true" className="inline-block size-2.5 rounded-sm" style={{ background: color }} />
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

function share(value: number, total: number): string {
  return total > 0 ? formatChartValue(value / total, { kind: "percent" }) : "–";
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

function ChartTooltip({
  active,
  payload,
  label,
  format,
  series,
  donut = false,
}: TooltipContentProps<ValueType, NameType> & {
  format: ChartValueFormat;
  series: readonly ChartSeries[];
  donut?: boolean;
}) {
  if (!active || !payload?.length) return null;
  const heading = donut ? String(payload[0]?.name ?? "") : String(label ?? "");
  return (
    <div className="min-w-36 rounded-lg border border-border bg-surface px-3 py-2 text-xs text-foreground shadow-lg">
      {heading ? <p className="mb-1.5 font-medium">{heading}</p> : null}
      <ul className="space-y-1">
        {payload.map((p, i) => {
          const s = series.find((x) => x.key === p.dataKey);
          const color = donut
            ? String((p.payload as { fill?: string } | undefined)?.fill ?? "")
            : s
              ? seriesColor(s, series.indexOf(s))
              : String(p.color ?? "");
          return (
            <li key={`${String(p.dataKey)}-${i}`} className="flex items-center gap-2">
              <Swatch color={color} dashed={s?.dashed && !donut} />
              <span className="flex-1 text-muted-foreground">{donut ? (s?.label ?? "") : (s?.label ?? p.name)}</span>
              <span className="font-medium tabular-nums">
                {formatChartValue(typeof p.value === "number" ? p.value : null, format)}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** The chart's numbers for screen readers (and for anyone reading the page without styles). */
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
