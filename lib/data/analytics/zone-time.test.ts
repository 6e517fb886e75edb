import { describe, expect, it } from "vitest";
import {
  bucketStartOf,
  bucketsOf,
  offsetSegments,
  rangeInstants,
  startOfLocalDay,
} from "@/lib/data/analytics/zone-time";

const iso = (d: Date) => d.toISOString();

describe("zone time", () => {
  it("finds local midnight in UTC, Paris and New York, across daylight saving", () => {
    expect(iso(startOfLocalDay("2026-03-29", "UTC"))).toBe("2026-03-29T00:00:00.000Z");
    // Paris: winter UTC+1, summer UTC+2 from 2026-03-29 02:00 local.
    expect(iso(startOfLocalDay("2026-03-29", "Europe/Paris"))).toBe("2026-03-28T23:00:00.000Z");
    expect(iso(startOfLocalDay("2026-03-30", "Europe/Paris"))).toBe("2026-03-29T22:00:00.000Z");
    expect(iso(startOfLocalDay("2026-10-25", "Europe/Paris"))).toBe("2026-10-24T22:00:00.000Z");
    expect(iso(startOfLocalDay("2026-10-26", "Europe/Paris"))).toBe("2026-10-25T23:00:00.000Z");
    expect(iso(startOfLocalDay("2026-03-08", "America/New_York"))).toBe("2026-03-08T05:00:00.000Z");
    expect(iso(startOfLocalDay("2026-03-09", "America/New_York"))).toBe("2026-03-09T04:00:00.000Z");
    expect(iso(startOfLocalDay("2026-01-01", "Asia/Kolkata"))).toBe("2025-12-31T18:30:00.000Z");
  });

  it("answers a day asked for again the same, in a Date of its own (a caller may change the one it got)", () => {
    const first = startOfLocalDay("2026-10-25", "Europe/Paris");
    first.setTime(0);
    const again = startOfLocalDay("2026-10-25", "Europe/Paris");
    expect(iso(again)).toBe("2026-10-24T22:00:00.000Z");
    expect(again).not.toBe(startOfLocalDay("2026-10-25", "Europe/Paris"));
    expect(iso(startOfLocalDay("2026-10-25", "America/New_York"))).toBe("2026-10-25T04:00:00.000Z");
    expect(() => startOfLocalDay("2026-02-30", "Europe/Paris")).toThrow(RangeError);
    expect(() => startOfLocalDay("2026-02-30", "Europe/Paris")).toThrow(RangeError);
  });

  it("finds the start of a day whose midnight is skipped", () => {
    // Santiago springs forward at 24:00 → 01:00 (2026-09-06): the day starts at 04:00 UTC.
    const start = startOfLocalDay("2026-09-06", "America/Santiago");
    expect(iso(start)).toBe("2026-09-06T04:00:00.000Z");
  });

  it("makes day buckets 23 and 25 hours long where clocks change", () => {
    const days = bucketsOf({ from: "2026-03-28", to: "2026-03-30" }, "day", "Europe/Paris");
    expect(days.map((b) => [b.start, (b.hi.getTime() - b.lo.getTime()) / 3_600_000])).toEqual([
      ["2026-03-28", 24],
      ["2026-03-29", 23],
      ["2026-03-30", 24],
    ]);
    const { lo, hi } = rangeInstants({ from: "2026-10-25", to: "2026-10-25" }, "Europe/Paris");
    expect((hi.getTime() - lo.getTime()) / 3_600_000).toBe(25);
  });

  it("cuts Monday weeks and months, clipped to the range", () => {
    expect(bucketStartOf("2026-12-02", "week")).toBe("2026-11-30");
    expect(bucketStartOf("2026-11-30", "week")).toBe("2026-11-30");
    expect(bucketStartOf("2026-12-06", "week")).toBe("2026-11-30");
    const weeks = bucketsOf({ from: "2026-12-02", to: "2026-12-16" }, "week", "UTC");
    expect(weeks.map((b) => [b.start, iso(b.hi)])).toEqual([
      ["2026-12-02", "2026-12-07T00:00:00.000Z"],
      ["2026-12-07", "2026-12-14T00:00:00.000Z"],
      ["2026-12-14", "2026-12-17T00:00:00.000Z"],
    ]);
    const months = bucketsOf({ from: "2026-01-15", to: "2026-03-31" }, "month", "America/New_York");
    expect(months.map((b) => b.start)).toEqual(["2026-01-15", "2026-02-01", "2026-03-01"]);
    expect(iso(months[2]!.hi)).toBe("2026-04-01T04:00:00.000Z");
  });

  it("splits a range into stretches of one offset", () => {
    const { lo, hi } = rangeInstants({ from: "2026-01-01", to: "2026-12-31" }, "Europe/Paris");
    expect(offsetSegments(lo, hi, "Europe/Paris").map((s) => [iso(s.lo), iso(s.hi), s.offsetSeconds])).toEqual([
      ["2025-12-31T23:00:00.000Z", "2026-03-29T01:00:00.000Z", 3600],
      ["2026-03-29T01:00:00.000Z", "2026-10-25T01:00:00.000Z", 7200],
      ["2026-10-25T01:00:00.000Z", "2026-12-31T23:00:00.000Z", 3600],
    ]);
    expect(offsetSegments(new Date("2026-06-01T00:00:00Z"), new Date("2026-06-02T00:00:00Z"), "UTC")).toHaveLength(1);
  });
});
