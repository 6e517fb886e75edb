import { describe, expect, it } from "vitest";
import { dateParam, exclusiveEnd, recordIdParam } from "@/lib/validations/date-param";

describe("dateParam", () => {
  it("reads a date as its UTC day, and as the end of that day for `to`", () => {
    expect(dateParam(false).parse("2026-03-01")).toEqual({ at: new Date("2026-03-01T00:00:00Z"), endOfDay: false });
    const to = dateParam(true).parse("2026-03-01");
    expect(to.endOfDay).toBe(true);
    expect(exclusiveEnd(to).toISOString()).toBe("2026-03-02T00:00:00.000Z");
  });

  it("reads an instant with its offset, and one without as UTC (never the server's zone)", () => {
    expect(dateParam(true).parse("2026-03-01T09:30:00+02:00")).toEqual({
      at: new Date("2026-03-01T07:30:00Z"),
      endOfDay: false,
    });
    expect(dateParam(false).parse("2026-03-01T09:30").at.toISOString()).toBe("2026-03-01T09:30:00.000Z");
    expect(exclusiveEnd(dateParam(true).parse("2026-03-01T09:30:00Z")).toISOString()).toBe("2026-03-01T09:30:00.000Z");
  });

  it("refuses what is not a real date or instant, with one clear message", () => {
    for (const bad of ["2026-02-30", "yesterday", "2026-03-01 09:30", "2026-03-01T25:00Z", "1".repeat(41)]) {
      const result = dateParam(false).safeParse(bad);
      expect(result.success, bad).toBe(false);
    }
    expect(dateParam(false).safeParse("2026-02-30").error?.issues[0]?.message).toMatch(/Use a date \(2026-03-01\)/);
  });
});

describe("recordIdParam", () => {
  it("takes ids and refuses anything else", () => {
    expect(recordIdParam.parse(" ckx1abc_-9 ")).toBe("ckx1abc_-9");
    expect(recordIdParam.safeParse("a b").success).toBe(false);
    expect(recordIdParam.safeParse("x".repeat(65)).success).toBe(false);
  });
});
