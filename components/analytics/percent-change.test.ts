import { describe, expect, it } from "vitest";
import { changeTone, describeChange, formatChange, percentChange } from "./percent-change";

describe("percentChange", () => {
  it("is the ratio to the previous value, signed by direction", () => {
    expect(percentChange(150, 100)).toEqual({ ratio: 0.5, direction: "up" });
    expect(percentChange(75, 100)).toEqual({ ratio: -0.25, direction: "down" });
  });
  it("has no ratio without a previous period or from zero", () => {
    expect(percentChange(10, null)).toEqual({ ratio: null, direction: "flat" });
    expect(percentChange(10, 0)).toEqual({ ratio: null, direction: "up" });
    expect(percentChange(0, 0)).toEqual({ ratio: null, direction: "flat" });
  });
  it("calls a change below 0.05 % flat", () => {
    expect(percentChange(100_001, 100_000)).toEqual({ ratio: 0, direction: "flat" });
  });
  it("measures against the size of a negative previous value", () => {
    expect(percentChange(-50, -100)).toEqual({ ratio: 0.5, direction: "up" });
  });
});

describe("formatChange and describeChange", () => {
  it("formats one decimal below 100 % and none above", () => {
    expect(formatChange(percentChange(1125, 1000))).toBe("+12.5%");
    expect(formatChange(percentChange(97, 100))).toBe("−3%");
    expect(formatChange(percentChange(350, 100))).toBe("+250%");
    expect(formatChange(percentChange(10, 0))).toBe("New");
    expect(formatChange(percentChange(100, 100))).toBe("0%");
  });
  it("says the change in words for screen readers", () => {
    expect(describeChange(percentChange(1125, 1000), "$10.00")).toBe("Up 12.5% from $10.00 in the previous period");
    expect(describeChange(percentChange(90, 100), "$1.00")).toBe("Down 10% from $1.00 in the previous period");
    expect(describeChange(percentChange(5, null), null)).toBe("No previous period to compare with");
    expect(describeChange(percentChange(0, 0), "$0.00")).toBe("Unchanged from $0.00 in the previous period");
  });
  it("reads more refunds as bad news", () => {
    expect(changeTone(percentChange(200, 100))).toBe("good");
    expect(changeTone(percentChange(200, 100), "down")).toBe("bad");
    expect(changeTone(percentChange(50, 100), "down")).toBe("good");
    expect(changeTone(percentChange(100, 100), "down")).toBe("neutral");
  });
});
