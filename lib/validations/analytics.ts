// The analytics reports' query and result shapes (/analytics pages, GET /api/v1/analytics/*, the
// DAL in lib/data/analytics). A range is two inclusive calendar dates in an IANA time zone, or a
// preset resolved against "today" in that zone; the previous period is the same number of days
// just before. Money is integer minor units of `currency`. No server-only imports: client
// components use the types and the date helpers.
import { z } from "zod";
import { ValidationError, fieldErrorsFromZod } from "@/lib/errors";

export const ANALYTICS_BUCKETS = ["day", "week", "month"] as const; // week starts Monday
export type AnalyticsBucket = (typeof ANALYTICS_BUCKETS)[number];

export const ANALYTICS_PRESETS = [
  "today",
  "yesterday",
  "last_7_days",
  "last_30_days",
  "this_month",
  "last_month",
  "this_quarter",
  "this_year",
  "last_365_days",
] as const;
export type AnalyticsPreset = (typeof ANALYTICS_PRESETS)[number];
export const DEFAULT_ANALYTICS_PRESET: AnalyticsPreset = "last_30_days";

/** Top products order: by revenue (default) or by units sold. */
export const PRODUCT_SORTS = ["revenue", "units"] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];

/** A range may span at most this many days (two years). */
export const MAX_RANGE_DAYS = 731;
export const DEFAULT_TOP_LIMIT = 10;
export const MAX_TOP_LIMIT = 50;

export type AnalyticsQuery = {
  from: string;
  to: string;
  tz: string;
  bucket: AnalyticsBucket;
  /** Absent: the DAL uses the currency with most sales in the range (else "USD"); every report says which. */
  currency?: string;
  compare: boolean;
  limit: number;
  staffId?: string;
};
export type PeriodRange = { from: string; to: string }; // inclusive local dates

export type Kpis = {
  revenue: number;
  transactions: number;
  averageTicket: number;
  units: number;
  newCustomers: number;
  refunds: number;
  refundCount: number;
  discounts: number;
  tax: number;
  grossMargin: number;
  grossMarginRate: number /* 0..1 */;
};
export type KpiReport = {
  currency: string;
  range: PeriodRange;
  previousRange: PeriodRange;
  current: Kpis;
  previous: Kpis | null;
};
export type SalesPoint = {
  start: string /* bucket start, local date YYYY-MM-DD */;
  revenue: number;
  transactions: number;
  units: number;
  previousRevenue: number | null /* same offset in previous period */;
};
export type SalesSeries = { currency: string; bucket: AnalyticsBucket; tz: string; points: SalesPoint[] };
export type ProductRow = {
  productId: string;
  name: string;
  sku: string;
  revenue: number;
  units: number;
  cost: number;
  grossMargin: number;
  grossMarginRate: number;
};
export type CustomerRow = { customerId: string; name: string; revenue: number; transactions: number };
export type StaffRow = {
  staffId: string;
  name: string;
  revenue: number;
  transactions: number;
  averageTicket: number;
  refunds: number;
  refundCount: number;
  previousRevenue: number | null;
};
export const PAYMENT_METHODS = ["cash", "card", "transfer", "other"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export type PaymentMixRow = { method: PaymentMethod; revenue: number; transactions: number };
export type StockAlertRow = { productId: string; name: string; sku: string; quantity: number; threshold: number };
export type CustomerMix = {
  newCustomers: number;
  returningCustomers: number;
  walkIns: number;
  newRevenue: number;
  returningRevenue: number;
  walkInRevenue: number;
};
export type HeatCell = {
  weekday: number /* 1=Mon..7=Sun */;
  hour: number /* 0..23 */;
  revenue: number;
  transactions: number;
};
export type ZReportTotals = {
  transactions: number;
  gross: number;
  discounts: number;
  tax: number;
  refunds: number;
  voids: number;
  net: number;
  byMethod: PaymentMixRow[];
};
export type ZReport = {
  date: string;
  tz: string;
  currency: string;
  staff: ({ staffId: string; name: string } & ZReportTotals)[];
  totals: ZReportTotals;
};
export type ZReportQuery = { date: string; tz: string; currency?: string; staffId?: string };

// ---------------------------------------------------------------------------------------------
// Calendar dates ("YYYY-MM-DD") as plain day numbers: arithmetic on them never meets a DST gap.

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Days since 1970-01-01 of a valid "YYYY-MM-DD", or null. */
export function dayNumber(date: string): number | null {
  if (!DATE_RE.test(date)) return null;
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  if (y < 1900 || y > 2999) return null;
  return Math.round(ms / 86_400_000);
}

/** The "YYYY-MM-DD" of a day number. */
export function dateOfDayNumber(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** `date` moved by `days` calendar days. */
export function addDays(date: string, days: number): string {
  const n = dayNumber(date);
  if (n === null) throw new RangeError(`Not a date: ${date}`);
  return dateOfDayNumber(n + days);
}

/** Number of days in an inclusive range. */
export function rangeDays(range: PeriodRange): number {
  return (dayNumber(range.to) ?? 0) - (dayNumber(range.from) ?? 0) + 1;
}

/** The same number of days just before `range`. */
export function previousRange(range: PeriodRange): PeriodRange {
  const days = rangeDays(range);
  return { from: addDays(range.from, -days), to: addDays(range.from, -1) };
}

/** Date formatters by zone (making one costs more than using it; each view asks several times). */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const DATE_FORMATS_LIMIT = 512;

/** The zone's year-month-day formatter; throws for a zone this runtime does not know. */
function dateFormat(tz: string): Intl.DateTimeFormat {
  let format = dateFormats.get(tz);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit" });
    if (dateFormats.size >= DATE_FORMATS_LIMIT) dateFormats.delete(dateFormats.keys().next().value!);
    dateFormats.set(tz, format);
  }
  return format;
}

/** Whether `tz` is an IANA zone this runtime knows. */
export function isTimeZone(tz: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(tz)) return false;
  try {
    dateFormat(tz);
    return true;
  } catch {
    return false;
  }
}

/** The local calendar date of `instant` in `tz`. */
export function localDate(instant: Date, tz: string): string {
  const parts = dateFormat(tz).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** The inclusive range a preset names, with `today` the local date. */
export function presetRange(preset: AnalyticsPreset, today: string): PeriodRange {
  const [y, m] = today.split("-").map(Number) as [number, number];
  const ymd = (year: number, month: number, day: number) =>
    dateOfDayNumber(Math.round(Date.UTC(year, month - 1, day) / 86_400_000));
  switch (preset) {
    case "today":
      return { from: today, to: today };
    case "yesterday":
      return { from: addDays(today, -1), to: addDays(today, -1) };
    case "last_7_days":
      return { from: addDays(today, -6), to: today };
    case "last_30_days":
      return { from: addDays(today, -29), to: today };
    case "this_month":
      return { from: ymd(y, m, 1), to: today };
    case "last_month":
      return { from: ymd(y, m - 1, 1), to: ymd(y, m, 0) };
    case "this_quarter":
      return { from: ymd(y, Math.floor((m - 1) / 3) * 3 + 1, 1), to: today };
    case "this_year":
      return { from: ymd(y, 1, 1), to: today };
    case "last_365_days":
      return { from: addDays(today, -364), to: today };
  }
}

/** The bucket a range gets when none is asked for: about 7 to 60 points. */
export function defaultBucket(range: PeriodRange): AnalyticsBucket {
  const days = rangeDays(range);
  if (days <= 45) return "day";
  if (days <= 200) return "week";
  return "month";
}

// ---------------------------------------------------------------------------------------------
// Parsing. Each parameter arrives as one string (searchParams or the query string).

const dateParam = (label: string) =>
  z
    .string()
    .trim()
    .refine((v) => dayNumber(v) !== null, `${label} is a date as YYYY-MM-DD.`);

const tzParam = z
  .string()
  .trim()
  .max(64, "Not a time zone.")
  .refine(isTimeZone, "Not a time zone (an IANA name such as Europe/Paris).");

const currencyParam = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, "The currency is a three-letter ISO 4217 code.");

const booleanParam = (label: string) =>
  z
    .enum(["true", "false", "1", "0"], { error: `${label} is true or false.` })
    .transform((v) => v === "true" || v === "1");

const idParam = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, "Not an id.");

const limitParam = z
  .string()
  .trim()
  .regex(/^\d{1,3}$/, `The limit is a whole number from 1 to ${MAX_TOP_LIMIT}.`)
  .transform(Number)
  .refine((n) => n >= 1 && n <= MAX_TOP_LIMIT, `The limit is a whole number from 1 to ${MAX_TOP_LIMIT}.`);

const rawAnalyticsQuery = z.object({
  preset: z.enum(ANALYTICS_PRESETS, { error: `The preset is one of: ${ANALYTICS_PRESETS.join(", ")}.` }).optional(),
  from: dateParam("from").optional(),
  to: dateParam("to").optional(),
  tz: tzParam.optional(),
  bucket: z.enum(ANALYTICS_BUCKETS, { error: "The bucket is day, week or month." }).optional(),
  currency: currencyParam.optional(),
  compare: booleanParam("compare").optional(),
  limit: limitParam.optional(),
  staffId: idParam.optional(),
});

/** The query schema resolving presets and defaults against `now` (tests pass a fixed instant). */
export function analyticsQuerySchemaAt(now: () => Date = () => new Date()): z.ZodType<AnalyticsQuery> {
  return rawAnalyticsQuery.transform((raw, ctx): AnalyticsQuery => {
    const tz = raw.tz ?? "UTC";
    const today = localDate(now(), tz);
    let range: PeriodRange;
    if (raw.preset) {
      if (raw.from || raw.to) {
        ctx.addIssue({ code: "custom", path: ["preset"], message: "Give either a preset or from/to, not both." });
        return z.NEVER;
      }
      range = presetRange(raw.preset, today);
    } else if (raw.from || raw.to) {
      const to = raw.to ?? (raw.from && raw.from > today ? raw.from : today);
      range = { from: raw.from ?? addDays(to, -29), to };
    } else {
      range = presetRange(DEFAULT_ANALYTICS_PRESET, today);
    }
    if (range.from > range.to) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "to is on or after from." });
      return z.NEVER;
    }
    if (rangeDays(range) > MAX_RANGE_DAYS) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "The range is at most two years (731 days)." });
      return z.NEVER;
    }
    return {
      from: range.from,
      to: range.to,
      tz,
      bucket: raw.bucket ?? defaultBucket(range),
      ...(raw.currency ? { currency: raw.currency } : {}),
      compare: raw.compare ?? true,
      limit: raw.limit ?? DEFAULT_TOP_LIMIT,
      ...(raw.staffId ? { staffId: raw.staffId } : {}),
    };
  }) as unknown as z.ZodType<AnalyticsQuery>;
}

/** Input: a record of single strings (use parseAnalyticsQuery for searchParams / URLSearchParams). */
export const analyticsQuerySchema: z.ZodType<AnalyticsQuery> = analyticsQuerySchemaAt();

/** The Z report's query: one local date (default today in tz), tz, currency, optional staff member. */
export function zReportQuerySchemaAt(now: () => Date = () => new Date()): z.ZodType<ZReportQuery> {
  return z
    .object({
      date: dateParam("date").optional(),
      tz: tzParam.optional(),
      currency: currencyParam.optional(),
      staffId: idParam.optional(),
    })
    .transform((raw): ZReportQuery => {
      const tz = raw.tz ?? "UTC";
      return {
        date: raw.date ?? localDate(now(), tz),
        tz,
        ...(raw.currency ? { currency: raw.currency } : {}),
        ...(raw.staffId ? { staffId: raw.staffId } : {}),
      };
    }) as unknown as z.ZodType<ZReportQuery>;
}
export const zReportQuerySchema: z.ZodType<ZReportQuery> = zReportQuerySchemaAt();

export type AnalyticsRawParams = Record<string, string | string[] | undefined> | URLSearchParams;

/** First non-empty value of each known parameter; unknown parameters (format, sort…) are left out. */
function toRecord(params: AnalyticsRawParams, keys: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  for (const [key, value] of entries) {
    if (!keys.includes(key) || key in out) continue;
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === "string" && first.trim() !== "") out[key] = first;
  }
  return out;
}

const QUERY_KEYS = Object.keys(rawAnalyticsQuery.shape);
const Z_KEYS = ["date", "tz", "currency", "staffId"];

function strict<T>(schema: z.ZodType<T>, input: Record<string, string>): T {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(fieldErrorsFromZod(result.error.issues));
  return result.data;
}

// Drop each offending parameter and try again, so a stale or hand-edited URL still shows a report.
function lenient<T>(schema: z.ZodType<T>, input: Record<string, string>): T {
  for (let round = 0; round <= Object.keys(input).length; round++) {
    const result = schema.safeParse(input);
    if (result.success) return result.data;
    let removed = false;
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? "");
      if (key in input) {
        delete input[key];
        removed = true;
      }
    }
    // A range error names "to"/"preset": drop the whole range then.
    if (!removed) break;
  }
  const { tz } = input;
  return schema.parse(tz && isTimeZone(tz) ? { tz } : {});
}

/** For pages: an invalid value falls back to its default. */
export function parseAnalyticsQuery(params: AnalyticsRawParams, now?: () => Date): AnalyticsQuery {
  return lenient(analyticsQuerySchemaAt(now), toRecord(params, QUERY_KEYS));
}

/** For the API: an invalid value is a ValidationError (422) naming the field. */
export function parseAnalyticsQueryStrict(params: AnalyticsRawParams, now?: () => Date): AnalyticsQuery {
  return strict(analyticsQuerySchemaAt(now), toRecord(params, QUERY_KEYS));
}

export function parseZReportQuery(params: AnalyticsRawParams, now?: () => Date): ZReportQuery {
  return lenient(zReportQuerySchemaAt(now), toRecord(params, Z_KEYS));
}

export function parseZReportQueryStrict(params: AnalyticsRawParams, now?: () => Date): ZReportQuery {
  return strict(zReportQuerySchemaAt(now), toRecord(params, Z_KEYS));
}

/** `sort` of the top-products report (pages: falls back to revenue). */
export function parseProductSort(value: string | string[] | null | undefined): ProductSort {
  const v = Array.isArray(value) ? value[0] : value;
  return (PRODUCT_SORTS as readonly string[]).includes(v ?? "") ? (v as ProductSort) : "revenue";
}

/** The URL query of a parsed analytics query (links, CSV downloads, the previous period). */
export function analyticsQueryToSearch(query: AnalyticsQuery): URLSearchParams {
  const search = new URLSearchParams({ from: query.from, to: query.to, tz: query.tz, bucket: query.bucket });
  if (query.currency) search.set("currency", query.currency);
  if (!query.compare) search.set("compare", "false");
  if (query.limit !== DEFAULT_TOP_LIMIT) search.set("limit", String(query.limit));
  if (query.staffId) search.set("staffId", query.staffId);
  return search;
}
