// The chart component's shared pieces (components/ui/chart.tsx): value formats, the token-derived
// palette and the colour swatch, used both by the server-rendered frame (legend, data table) and by
// the recharts plot that loads after it.
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

export const TONE_VAR: Record<ChartTone, string> = {
  brand: "var(--chart-brand)",
  teal: "var(--chart-teal)",
  amber: "var(--chart-amber)",
  green: "var(--chart-green)",
  pink: "var(--chart-pink)",
  red: "var(--chart-red)",
  previous: "var(--chart-previous)",
};
export const SLICE_TONES: readonly ChartTone[] = ["brand", "teal", "amber", "green", "pink", "red"];

// Token-derived palette; the extra hues have a lighter dark-mode value for contrast on dark surfaces.
export const PALETTE = cn(
  "[--chart-brand:var(--brand)] [--chart-amber:rgb(var(--warning))] [--chart-green:rgb(var(--success))]",
  "[--chart-red:rgb(var(--danger))] [--chart-previous:rgb(var(--muted-foreground))]",
  "[--chart-teal:#0d9488] dark:[--chart-teal:#2dd4bf] [--chart-pink:#db2777] dark:[--chart-pink:#f472b6]",
  "[--chart-grid:rgb(var(--border))] [--chart-text:rgb(var(--muted-foreground))]",
);

export function toneColor(tone: ChartTone): string {
  return TONE_VAR[tone];
}

export function seriesColor(series: ChartSeries, index: number): string {
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

export function numberOf(d: ChartDatum, key: string): number | null {
  const v = d[key];
  return typeof v === "number" ? v : null;
}

export function Swatch({ color, dashed }: { color: string; dashed?: boolean }) {
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

export function share(value: number, total: number): string {
  return total > 0 ? formatChartValue(value / total, { kind: "percent" }) : "–";
}
