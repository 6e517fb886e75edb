import { describe, expect, it } from "vitest";
import { formatChartTick, formatChartValue } from "./chart";

describe("chart value formats", () => {
  it("reads money in minor units of its currency", () => {
    expect(formatChartValue(123456, { kind: "money", currency: "USD" })).toBe("$1,234.56");
    expect(formatChartValue(1500, { kind: "money", currency: "JPY" })).toBe("¥1,500");
    expect(formatChartValue(null, { kind: "money", currency: "USD" })).toBe("–");
  });
  it("shortens axis ticks", () => {
    expect(formatChartTick(1_250_000, { kind: "money", currency: "USD" })).toBe("$13K");
    expect(formatChartTick(450, { kind: "money", currency: "USD" })).toBe("$4.5");
    expect(formatChartTick(12_300, { kind: "number" })).toBe("12.3K");
    expect(formatChartTick(0.4, { kind: "percent" })).toBe("40%");
  });
  it("reads counts and shares", () => {
    expect(formatChartValue(12345, { kind: "number" })).toBe("12,345");
    expect(formatChartValue(0.1234, { kind: "percent" })).toBe("12.3%");
  });
});
