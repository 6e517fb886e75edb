import { describe, expect, it } from "vitest";
import { HEAT_LEVELS, HEAT_LEVEL_CLASSES, heatLevel } from "./heat-scale";

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
