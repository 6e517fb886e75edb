import { describe, expect, it } from "vitest";
import { formatBucket, formatHour, formatLongDate, formatRange, isPreset, presetDates } from "./analytics-format";

// 2026-03-01T02:30Z is still Saturday Feb 28 in Los Angeles and already Sunday Mar 1 in Tokyo.
const NOW = new Date("2026-03-01T02:30:00Z");

describe("presetDates", () => {
  it("resolves today against the calendar of the zone", () => {
    expect(presetDates("today", NOW, "America/Los_Angeles")).toEqual({ from: "2026-02-28", to: "2026-02-28" });
    expect(presetDates("today", NOW, "Asia/Tokyo")).toEqual({ from: "2026-03-01", to: "2026-03-01" });
    expect(presetDates("today", NOW, "UTC")).toEqual({ from: "2026-03-01", to: "2026-03-01" });
  });
  it("moves month and quarter boundaries with the zone", () => {
    expect(presetDates("this_month", NOW, "America/Los_Angeles")).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(presetDates("last_month", NOW, "Asia/Tokyo")).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(presetDates("last_month", NOW, "America/Los_Angeles")).toEqual({ from: "2026-01-01", to: "2026-01-31" });
    expect(presetDates("this_quarter", NOW, "Asia/Tokyo")).toEqual({ from: "2026-01-01", to: "2026-03-01" });
  });
  it("counts rolling ranges inclusively", () => {
    expect(presetDates("last_7_days", NOW, "UTC")).toEqual({ from: "2026-02-23", to: "2026-03-01" });
    expect(presetDates("yesterday", NOW, "Asia/Tokyo")).toEqual({ from: "2026-02-28", to: "2026-02-28" });
    expect(presetDates("this_year", NOW, "America/Los_Angeles")).toEqual({ from: "2026-01-01", to: "2026-02-28" });
  });
});

describe("labels", () => {
  it("formats ranges compactly", () => {
    expect(formatRange({ from: "2026-03-03", to: "2026-03-09" })).toBe("Mar 3 – Mar 9, 2026");
    expect(formatRange({ from: "2025-12-28", to: "2026-01-03" })).toBe("Dec 28, 2025 – Jan 3, 2026");
    expect(formatRange({ from: "2026-03-03", to: "2026-03-03" })).toBe("Mar 3, 2026");
  });
  it("labels buckets, days and hours", () => {
    expect(formatBucket("2026-03-02", "week")).toBe("Mar 2");
    expect(formatBucket("2026-03-01", "month")).toBe("Mar 2026");
    expect(formatLongDate("2026-03-03")).toBe("Tuesday, March 3, 2026");
    expect(formatHour(7)).toBe("07:00");
  });
  it("knows the presets", () => {
    expect(isPreset("last_30_days")).toBe(true);
    expect(isPreset("last_31_days")).toBe(false);
    expect(isPreset(undefined)).toBe(false);
  });
});
