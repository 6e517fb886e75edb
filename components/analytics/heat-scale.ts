// The colour scale of the hour × weekday heatmap: a value becomes one of a few steps of the brand
// colour (steps read better than a continuous ramp, and each step keeps text contrast known).
import type { HeatCell } from "@/lib/validations/analytics";

export const HEAT_LEVELS = 5;

/** 0 for nothing, else 1..HEAT_LEVELS by the value's share of the largest (square-root scale, so
 *  quiet hours still show against one busy peak). */
export function heatLevel(value: number, max: number, levels = HEAT_LEVELS): number {
  if (!(value > 0) || !(max > 0)) return 0;
  const share = Math.min(1, value / max);
  return Math.max(1, Math.ceil(Math.sqrt(share) * levels));
}

/** Background (and text colour on the darkest steps) per level, from the brand token. */
export const HEAT_LEVEL_CLASSES: readonly string[] = [
  "bg-muted/60 text-muted-foreground",
  "bg-[color-mix(in_srgb,var(--brand)_14%,transparent)] text-foreground",
  "bg-[color-mix(in_srgb,var(--brand)_30%,transparent)] text-foreground",
  "bg-[color-mix(in_srgb,var(--brand)_50%,transparent)] text-foreground",
  "bg-[color-mix(in_srgb,var(--brand)_72%,transparent)] text-white",
  "bg-brand text-white",
];

/** The hours from the first to the last with a sale (at least 12, so a quiet day still reads as a day). */
export function heatmapHours(cells: readonly HeatCell[]): number[] {
  const busy = cells.filter((c) => c.revenue > 0 || c.transactions > 0).map((c) => c.hour);
  let first = busy.length ? Math.min(...busy) : 8;
  let last = busy.length ? Math.max(...busy) : 19;
  while (last - first < 11) {
    if (first > 0) first -= 1;
    if (last - first < 11 && last < 23) last += 1;
  }
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}
