"use client";
// The recharts part of the chart component, loaded on its own after the page (recharts is most of
// a chart's weight; the frame, legend and data table render with the page). See chart.tsx.
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
import {
  SLICE_TONES,
  Swatch,
  TONE_VAR,
  formatChartTick,
  formatChartValue,
  seriesColor,
  type ChartDatum,
  type ChartSeries,
  type ChartValueFormat,
  type ChartVariant,
} from "@/components/ui/chart-theme";

export type ChartPlotProps = {
  variant: ChartVariant;
  rows: ChartDatum[];
  series: readonly ChartSeries[];
  format: ChartValueFormat;
  horizontal: boolean;
  compact: boolean;
  title: string;
  idPrefix: string;
  height: number;
};

export default function ChartPlot(props: ChartPlotProps) {
  return (
    <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 320, height: props.height }}>
      {renderPlot(props)}
    </ResponsiveContainer>
  );
}

function renderPlot({ variant, rows, series, format, horizontal, compact, title, idPrefix }: ChartPlotProps) {
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
