// Local calendar dates of an IANA zone as UTC instants, for the reports' SQL: a report asks the
// database for rows in [start of `from`, start of the day after `to`), and a series joins its rows
// to a list of bucket boundaries computed here. Working out the boundaries in JavaScript (Intl)
// and comparing plain instants in SQL gives the same answer on SQLite and PostgreSQL, with daylight
// saving handled once: a local day is 23 or 25 hours long where the clocks change.
import {
  addDays,
  dateOfDayNumber,
  dayNumber,
  type AnalyticsBucket,
  type PeriodRange,
} from "@/lib/validations/analytics";

const HOUR = 3_600_000;
const DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterOf(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(tz, f);
  }
  return f;
}

/** The zone's offset from UTC at `ms`, in milliseconds (local wall clock − UTC). */
export function offsetAt(ms: number, tz: string): number {
  if (tz === "UTC") return 0;
  const parts = formatterOf(tz).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return wall - (ms - (((ms % 1000) + 1000) % 1000));
}

/** The local date of `ms` in `tz` ("YYYY-MM-DD"). */
function localDayOf(ms: number, tz: string): number {
  return Math.floor((ms + offsetAt(ms, tz)) / DAY);
}

// Day starts found so far, by zone and date: each costs a few dozen formatToParts calls (~5 µs
// each here), a dashboard view asks for about twenty (the week's buckets and both periods' ends)
// and they never change while the process runs (its time zone data is fixed).
const dayStarts = new Map<string, number>();
const MAX_DAY_STARTS = 20_000;

/**
 * The first instant of local `date` in `tz`: local midnight, or where a clock change skips
 * midnight (a few zones spring forward at 00:00), the first instant that belongs to that date.
 */
export function startOfLocalDay(date: string, tz: string): Date {
  const key = `${tz} ${date}`;
  let start = dayStarts.get(key);
  if (start === undefined) {
    start = findStartOfLocalDay(date, tz);
    if (dayStarts.size >= MAX_DAY_STARTS) dayStarts.clear();
    dayStarts.set(key, start);
  }
  return new Date(start);
}

function findStartOfLocalDay(date: string, tz: string): number {
  const day = dayNumber(date);
  if (day === null) throw new RangeError(`Not a date: ${date}`);
  const wallMidnight = day * DAY;
  // Every offset the zone has around that midnight gives a candidate; the earliest candidate
  // whose local date is `date` is the start of the day (the first of two midnights on a fall-back).
  const offsets = new Set<number>();
  for (let h = -36; h <= 36; h += 6) offsets.add(offsetAt(wallMidnight + h * HOUR, tz));
  let best: number | null = null;
  for (const offset of offsets) {
    const candidate = wallMidnight - offset;
    if (localDayOf(candidate, tz) === day && (best === null || candidate < best)) best = candidate;
  }
  if (best === null) {
    // No candidate lands on the date (midnight skipped): search the transition within the window.
    let lo = wallMidnight - 36 * HOUR;
    let hi = wallMidnight + 36 * HOUR;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (localDayOf(mid, tz) < day) lo = mid;
      else hi = mid;
    }
    best = hi;
  }
  return best;
}

/** [start, end) of an inclusive local range as instants. */
export function rangeInstants(range: PeriodRange, tz: string): { lo: Date; hi: Date } {
  return { lo: startOfLocalDay(range.from, tz), hi: startOfLocalDay(addDays(range.to, 1), tz) };
}

export type Bucket = { start: string; lo: Date; hi: Date };

/** The local date a bucket containing `date` starts on (week: Monday; month: the 1st). */
export function bucketStartOf(date: string, bucket: AnalyticsBucket): string {
  if (bucket === "day") return date;
  if (bucket === "week") {
    const n = dayNumber(date)!;
    // Day 0 (1970-01-01) was a Thursday: (n + 3) mod 7 is 0 on Mondays.
    return dateOfDayNumber(n - (((n + 3) % 7) + 7) % 7);
  }
  return `${date.slice(0, 7)}-01`;
}

function nextBucketStart(start: string, bucket: AnalyticsBucket): string {
  if (bucket === "day") return addDays(start, 1);
  if (bucket === "week") return addDays(start, 7);
  const [y, m] = start.split("-").map(Number) as [number, number];
  return dateOfDayNumber(Math.round(Date.UTC(y, m, 1) / DAY));
}

/**
 * The buckets covering `range`: calendar days, Monday weeks or months of the zone, the first and
 * last clipped to the range. `start` is the bucket's first day inside the range.
 */
export function bucketsOf(range: PeriodRange, bucket: AnalyticsBucket, tz: string): Bucket[] {
  const out: Bucket[] = [];
  const end = addDays(range.to, 1);
  let start = range.from;
  while (start < end) {
    const next = nextBucketStart(bucketStartOf(start, bucket), bucket);
    const stop = next < end ? next : end;
    out.push({ start, lo: startOfLocalDay(start, tz), hi: startOfLocalDay(stop, tz) });
    start = stop;
  }
  return out;
}

export type OffsetSegment = { lo: Date; hi: Date; offsetSeconds: number };

/**
 * The stretches of [lo, hi) over which the zone's offset is constant (one per clock change), so
 * SQL can turn an instant into local time with a short CASE: local = utc + offset of its stretch.
 */
export function offsetSegments(lo: Date, hi: Date, tz: string): OffsetSegment[] {
  const out: OffsetSegment[] = [];
  let start = lo.getTime();
  const end = hi.getTime();
  while (start < end) {
    const offset = offsetAt(start, tz);
    // Walk forward a day at a time, then narrow down to the second the offset changes.
    let probe = start;
    while (probe < end && offsetAt(Math.min(probe + DAY, end), tz) === offset && probe + DAY < end) probe += DAY;
    let stop = end;
    const ahead = Math.min(probe + DAY, end);
    if (offsetAt(ahead, tz) !== offset) {
      let a = probe;
      let b = ahead;
      while (b - a > 1) {
        const mid = Math.floor((a + b) / 2);
        if (offsetAt(mid, tz) === offset) a = mid;
        else b = mid;
      }
      stop = b;
    }
    out.push({ lo: new Date(start), hi: new Date(stop), offsetSeconds: Math.round(offset / 1000) });
    start = stop;
  }
  return out;
}
