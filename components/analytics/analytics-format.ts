// Labels of the analytics pages: presets, ranges and buckets as people read them. Dates are local
// calendar dates ("YYYY-MM-DD") already in the report's time zone, so they are formatted in UTC.
import {
  ANALYTICS_PRESETS,
  localDate,
  presetRange,
  type AnalyticsBucket,
  type AnalyticsPreset,
  type PeriodRange,
} from "@/lib/validations/analytics";

export const PRESET_LABELS: Record<AnalyticsPreset, string> = {
  today: "Today",
  yesterday: "Yesterday",
  last_7_days: "Last 7 days",
  last_30_days: "Last 30 days",
  this_month: "This month",
  last_month: "Last month",
  this_quarter: "This quarter",
  this_year: "This year",
  last_365_days: "Last 365 days",
};

export const BUCKET_LABELS: Record<AnalyticsBucket, string> = { day: "Day", week: "Week", month: "Month" };

export function isPreset(value: string | null | undefined): value is AnalyticsPreset {
  return (ANALYTICS_PRESETS as readonly string[]).includes(value ?? "");
}

/** The dates a preset covers when it is `now` in `tz` (the picker shows them beside each preset). */
export function presetDates(preset: AnalyticsPreset, now: Date, tz: string): PeriodRange {
  return presetRange(preset, localDate(now, tz));
}

const toDate = (date: string) => new Date(`${date}T00:00:00Z`);
const fmt = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat("en-US", { timeZone: "UTC", ...options });
const dayMonth = fmt({ month: "short", day: "numeric" });
const dayMonthYear = fmt({ month: "short", day: "numeric", year: "numeric" });
const monthYear = fmt({ month: "short", year: "numeric" });
const weekdayLong = fmt({ weekday: "long", month: "long", day: "numeric", year: "numeric" });

/** "Mar 3 – 9, 2026", "Dec 28, 2025 – Jan 3, 2026", "Mar 3, 2026". */
export function formatRange(range: PeriodRange): string {
  if (range.from === range.to) return dayMonthYear.format(toDate(range.from));
  const sameYear = range.from.slice(0, 4) === range.to.slice(0, 4);
  const from = sameYear ? dayMonth.format(toDate(range.from)) : dayMonthYear.format(toDate(range.from));
  return `${from} – ${dayMonthYear.format(toDate(range.to))}`;
}

/** A bucket's start as an axis label: "Mar 3" (day, week), "Mar 2026" (month). */
export function formatBucket(start: string, bucket: AnalyticsBucket): string {
  return bucket === "month" ? monthYear.format(toDate(start)) : dayMonth.format(toDate(start));
}

/** "Tuesday, March 3, 2026" (the Z report's heading). */
export function formatLongDate(date: string): string {
  return weekdayLong.format(toDate(date));
}

export const WEEKDAY_LABELS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;
export const WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

/** 0 → "00:00", 13 → "13:00". */
export function formatHour(hour: number): string {
  return `${String(hour).padStart(2, "0")}:00`;
}
