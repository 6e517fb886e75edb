// The change of a KPI against the previous period, as the KPI cards show it: an arrow, a percentage
// and a sentence for screen readers. "Good" depends on the metric (more refunds is bad news).

export type Change = {
  /** current / previous − 1; null when there is nothing to compare with (no previous, or it was 0). */
  ratio: number | null;
  direction: "up" | "down" | "flat";
};

export function percentChange(current: number, previous: number | null | undefined): Change {
  if (previous === null || previous === undefined) return { ratio: null, direction: "flat" };
  if (previous === 0) return { ratio: null, direction: current > 0 ? "up" : current < 0 ? "down" : "flat" };
  const ratio = (current - previous) / Math.abs(previous);
  // Below 0.05 % it reads as "0 %": call it flat rather than show an arrow for nothing.
  if (Math.abs(ratio) < 0.0005) return { ratio: 0, direction: "flat" };
  return { ratio, direction: ratio > 0 ? "up" : "down" };
}

/** "+12.5 %", "−3 %", "0 %", or "New" when the previous period had none. */
export function formatChange(change: Change): string {
  if (change.ratio === null) return change.direction === "flat" ? "–" : "New";
  if (change.direction === "flat") return "0%";
  const pct = Math.abs(change.ratio) * 100;
  const digits = pct >= 100 ? 0 : 1;
  const text = `${pct.toFixed(digits).replace(/\.0$/, "")}%`;
  return change.direction === "up" ? `+${text}` : `−${text}`;
}

/** Whether the change is good news, bad news or neither, for a metric where more is `better`. */
export function changeTone(change: Change, better: "up" | "down" = "up"): "good" | "bad" | "neutral" {
  if (change.direction === "flat") return "neutral";
  return change.direction === better ? "good" : "bad";
}

/** The sentence a screen reader hears: "Up 12.5% from $1,200.00 in the previous period". */
export function describeChange(change: Change, previousText: string | null): string {
  if (previousText === null) return "No previous period to compare with";
  if (change.ratio === null) {
    return change.direction === "flat" ? `Unchanged from ${previousText} in the previous period` : `Up from ${previousText} in the previous period`;
  }
  if (change.direction === "flat") return `Unchanged from ${previousText} in the previous period`;
  const pct = formatChange(change).replace(/^[+−]/, "");
  return `${change.direction === "up" ? "Up" : "Down"} ${pct} from ${previousText} in the previous period`;
}
