import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import {
  addDays,
  analyticsQueryToSearch,
  defaultBucket,
  localDate,
  parseAnalyticsQuery,
  parseAnalyticsQueryStrict,
  parseProductSort,
  parseZReportQueryStrict,
  presetRange,
  previousRange,
  rangeDays,
} from "@/lib/validations/analytics";

// 2026-03-29 23:30 UTC is already 2026-03-30 in Paris (summer time began that night).
const now = () => new Date("2026-03-29T23:30:00Z");

function fieldsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return Object.keys((error as ValidationError).fieldErrors ?? {});
  }
  throw new Error("expected a ValidationError");
}

describe("analytics query", () => {
  it("defaults to the last 30 days in UTC by day, compared, top 10", () => {
    expect(parseAnalyticsQueryStrict({}, now)).toEqual({
      from: "2026-02-28",
      to: "2026-03-29",
      tz: "UTC",
      bucket: "day",
      compare: true,
      limit: 10,
    });
  });

  it("resolves presets against today in the zone", () => {
    expect(parseAnalyticsQueryStrict({ preset: "today", tz: "Europe/Paris" }, now)).toMatchObject({
      from: "2026-03-30",
      to: "2026-03-30",
    });
    expect(presetRange("last_month", "2026-03-30")).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(presetRange("last_month", "2026-01-15")).toEqual({ from: "2025-12-01", to: "2025-12-31" });
    expect(presetRange("this_quarter", "2026-05-20")).toEqual({ from: "2026-04-01", to: "2026-05-20" });
    expect(presetRange("this_year", "2026-05-20")).toEqual({ from: "2026-01-01", to: "2026-05-20" });
    expect(presetRange("last_365_days", "2026-05-20")).toEqual({ from: "2025-05-21", to: "2026-05-20" });
    expect(presetRange("yesterday", "2026-03-01")).toEqual({ from: "2026-02-28", to: "2026-02-28" });
  });

  it("takes explicit ranges, buckets, currency, compare, limit and staff", () => {
    expect(
      parseAnalyticsQueryStrict(
        { from: "2026-01-01", to: "2026-12-31", tz: "America/New_York", currency: "eur", compare: "false", limit: "5", staffId: "abc_1" },
        now,
      ),
    ).toEqual({
      from: "2026-01-01",
      to: "2026-12-31",
      tz: "America/New_York",
      bucket: "month",
      currency: "EUR",
      compare: false,
      limit: 5,
      staffId: "abc_1",
    });
    expect(parseAnalyticsQueryStrict({ from: "2026-01-01", to: "2026-03-31", bucket: "day" }, now).bucket).toBe("day");
    expect(defaultBucket({ from: "2026-01-01", to: "2026-03-31" })).toBe("week");
  });

  it("refuses bad values in the API with the field named, and falls back on pages", () => {
    const cases: [Record<string, string>, string][] = [
      [{ from: "2026-02-30" }, "from"],
      [{ from: "26-01-01" }, "from"],
      [{ to: "2026-13-01" }, "to"],
      [{ from: "2026-03-02", to: "2026-03-01" }, "to"],
      [{ from: "2023-01-01", to: "2026-01-01" }, "to"],
      [{ tz: "Mars/Olympus" }, "tz"],
      [{ tz: "'; DROP TABLE \"Transaction\"; --" }, "tz"],
      [{ bucket: "hour" }, "bucket"],
      [{ currency: "US$" }, "currency"],
      [{ compare: "maybe" }, "compare"],
      [{ limit: "0" }, "limit"],
      [{ limit: "51" }, "limit"],
      [{ limit: "1e3" }, "limit"],
      [{ staffId: "x' OR '1'='1" }, "staffId"],
      [{ preset: "forever" }, "preset"],
      [{ preset: "today", from: "2026-01-01" }, "preset"],
    ];
    for (const [params, field] of cases) {
      expect(fieldsOf(() => parseAnalyticsQueryStrict(params, now)), JSON.stringify(params)).toContain(field);
      expect(parseAnalyticsQuery(params, now).tz).toBeTypeOf("string");
    }
    expect(parseAnalyticsQuery({ from: "2026-03-02", to: "2026-03-01", tz: "Europe/Paris" }, now)).toMatchObject({
      tz: "Europe/Paris",
      from: "2026-03-02",
      to: "2026-03-30",
    });
    expect(parseAnalyticsQuery({ bucket: "hour", limit: "5" }, now)).toMatchObject({ bucket: "day", limit: 5 });
  });

  it("accepts exactly two years and ignores unknown parameters", () => {
    expect(rangeDays(parseAnalyticsQueryStrict({ from: "2024-01-01", to: "2025-12-31", format: "csv" }, now))).toBe(731);
    expect(parseAnalyticsQueryStrict(new URLSearchParams("from=2026-01-01&to=2026-01-07&from=2020-01-01"), now).from).toBe(
      "2026-01-01",
    );
  });

  it("computes the previous period of the same length", () => {
    expect(previousRange({ from: "2026-03-01", to: "2026-03-31" })).toEqual({ from: "2026-01-29", to: "2026-02-28" });
    expect(previousRange({ from: "2024-03-01", to: "2024-03-01" })).toEqual({ from: "2024-02-29", to: "2024-02-29" });
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
  });

  it("reads local dates across DST and writes the query back", () => {
    expect(localDate(new Date("2026-10-25T00:30:00Z"), "Europe/Paris")).toBe("2026-10-25");
    expect(localDate(new Date("2026-10-25T23:30:00Z"), "Europe/Paris")).toBe("2026-10-26");
    const query = parseAnalyticsQueryStrict({ from: "2026-01-01", to: "2026-01-31", currency: "usd", compare: "0" }, now);
    expect(analyticsQueryToSearch(query).toString()).toBe("from=2026-01-01&to=2026-01-31&tz=UTC&bucket=day&currency=USD&compare=false");
    expect(parseProductSort("units")).toBe("units");
    expect(parseProductSort("price")).toBe("revenue");
  });

  it("parses the Z report query", () => {
    expect(parseZReportQueryStrict({ tz: "Europe/Paris" }, now)).toEqual({ date: "2026-03-30", tz: "Europe/Paris" });
    expect(fieldsOf(() => parseZReportQueryStrict({ date: "yesterday" }, now))).toEqual(["date"]);
  });
});
