import { describe, expect, it } from "vitest";
import { HEAT_LEVELS, HEAT_LEVEL_CLASSES, heatLevel, heatmapHours } from "./heat-scale";

describe("heatLevel", () => {
  it("is 0 for no sales and for an empty map", () => {
    expect(heatLevel(0, 500)).toBe(0);
    expect(heatLevel(10, 0)).toBe(0);
    expect(heatLevel(-5, 100)).toBe(0);
  });
  it("gives the peak the top step and any sale at least the first", () => {
    expect(heatLevel(500, 500)).toBe(HEAT_LEVELS);
    expect(heatLevel(1, 1_000_000)).toBe(1);
  });
  it("rises on a square-root scale", () => {
    // sqrt(0.25) = 0.5 → ceil(2.5) = 3; sqrt(0.04) = 0.2 → 1; sqrt(0.64) = 0.8 → 4
    expect(heatLevel(25, 100)).toBe(3);
    expect(heatLevel(4, 100)).toBe(1);
    expect(heatLevel(64, 100)).toBe(4);
    const levels = [1, 5, 20, 40, 70, 100].map((v) => heatLevel(v, 100));
    expect([...levels].sort((a, b) => a - b)).toEqual(levels);
  });
  it("never leaves the class table", () => {
    expect(HEAT_LEVEL_CLASSES).toHaveLength(HEAT_LEVELS + 1);
    expect(heatLevel(1e12, 10)).toBe(HEAT_LEVELS);
  });
});

describe("heatmapHours", () => {
  const cell = (hour: number, revenue = 100) => ({ weekday: 1, hour, revenue, transactions: 1 });
  it("spans the first to the last hour with a sale", () => {
    expect(heatmapHours([cell(7), cell(21), cell(12)])).toEqual(Array.from({ length: 15 }, (_, i) => 7 + i));
  });
  it("shows at least twelve hours, within the day", () => {
    expect(heatmapHours([cell(12)])).toHaveLength(12);
    expect(heatmapHours([cell(0)])).toEqual(Array.from({ length: 12 }, (_, i) => i));
    expect(heatmapHours([cell(23)])).toEqual(Array.from({ length: 12 }, (_, i) => 12 + i));
    expect(heatmapHours([])).toEqual(Array.from({ length: 12 }, (_, i) => 8 + i));
  });
  it("ignores empty cells", () => {
    expect(heatmapHours([{ weekday: 2, hour: 3, revenue: 0, transactions: 0 }, cell(10), cell(22)])[0]).toBe(10);
  });
});
