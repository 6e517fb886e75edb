// The colour scale of the hour × weekday heatmap: a value becomes one of a few steps of the brand
// colour (steps read better than a continuous ramp, and each step keeps text contrast known).

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
