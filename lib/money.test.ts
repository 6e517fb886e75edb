import { describe, expect, it } from "vitest";
import {
  MAX_MINOR_UNITS,
  applyBps,
  bpsToPercentText,
  currencyDigits,
  formatMoney,
  isSupportedCurrency,
  minorToDecimalText,
  parseDecimalText,
  parseMoneyText,
  parsePercentText,
  scaledToDecimalText,
} from "@/lib/money";

describe("currencies", () => {
  it("knows ISO codes and their minor-unit digits", () => {
    expect(isSupportedCurrency("USD")).toBe(true);
    expect(isSupportedCurrency("EUR")).toBe(true);
    expect(isSupportedCurrency("usd")).toBe(false);
    expect(isSupportedCurrency("ZZZ")).toBe(false);
    expect(isSupportedCurrency("US")).toBe(false);
    expect(currencyDigits("USD")).toBe(2);
    expect(currencyDigits("JPY")).toBe(0);
    expect(currencyDigits("KWD")).toBe(3);
  });
});

describe("minor units → decimal text", () => {
  it("is exact", () => {
    expect(minorToDecimalText(1250, "USD")).toBe("12.50");
    expect(minorToDecimalText(5, "USD")).toBe("0.05");
    expect(minorToDecimalText(0, "USD")).toBe("0.00");
    expect(minorToDecimalText(1250, "JPY")).toBe("1250");
    expect(minorToDecimalText(1250, "KWD")).toBe("1.250");
    expect(scaledToDecimalText(-5, 2)).toBe("-0.05");
    expect(minorToDecimalText(MAX_MINOR_UNITS, "USD")).toBe("21474836.47");
  });

  it("refuses non-integers", () => {
    expect(() => scaledToDecimalText(1.5, 2)).toThrow(RangeError);
  });
});

describe("decimal text → minor units", () => {
  it.each([
    ["12.50", 1250],
    ["12.5", 1250],
    ["12", 1200],
    [" 12.50 ", 1250],
    [".5", 50],
    ["12.", 1200],
    ["0.10", 10],
    ["0.29", 29],
    ["1,234.56", 123456],
    ["0", 0],
    ["007.10", 710],
  ])("USD %j → %d", (text, minor) => {
    expect(parseMoneyText(text, "USD")).toEqual({ ok: true, value: minor });
  });

  it.each(["", "  ", "-1", "1e3", "12.345", "abc", "12,50", "1.2.3", ".", "+5", "0x10", "12 50"])("USD %j is refused", (text) => {
    const parsed = parseMoneyText(text, "USD");
    expect(parsed.ok).toBe(false);
  });

  it("follows the currency's digits", () => {
    expect(parseMoneyText("1250", "JPY")).toEqual({ ok: true, value: 1250 });
    expect(parseMoneyText("12.5", "JPY")).toMatchObject({ ok: false, message: "This amount has no decimal places." });
    expect(parseMoneyText("1.250", "KWD")).toEqual({ ok: true, value: 1250 });
  });

  it("refuses amounts above the column's range, even huge ones", () => {
    expect(parseMoneyText("21474836.47", "USD")).toEqual({ ok: true, value: MAX_MINOR_UNITS });
    expect(parseMoneyText("21474836.48", "USD")).toMatchObject({ ok: false });
    expect(parseMoneyText("9".repeat(40), "USD")).toMatchObject({ ok: false, message: "The amount is too large." });
  });

  it("names the field in its messages", () => {
    expect(parseDecimalText("x", 2, { label: "unit price" })).toMatchObject({ ok: false, message: "Enter the unit price as a number, e.g. 12.50." });
    expect(parseDecimalText("-1", 2, { label: "unit price" })).toMatchObject({ ok: false, message: "The unit price cannot be negative." });
  });

  it("round-trips", () => {
    for (const minor of [0, 1, 9, 10, 99, 100, 101, 123456, MAX_MINOR_UNITS]) {
      for (const currency of ["USD", "JPY", "KWD"]) {
        expect(parseMoneyText(minorToDecimalText(minor, currency), currency)).toEqual({ ok: true, value: minor });
      }
    }
  });
});

describe("formatMoney", () => {
  it("formats for display without float drift", () => {
    expect(formatMoney(1250, "USD")).toBe("$12.50");
    expect(formatMoney(123456789, "USD")).toBe("$1,234,567.89");
    expect(formatMoney(1250, "JPY")).toBe("¥1,250");
    expect(formatMoney(1250, "EUR", "de-DE")).toBe("12,50\u00a0€");
    expect(formatMoney(-5, "USD")).toBe("-$0.05");
  });
});

describe("percent ↔ basis points", () => {
  it("converts", () => {
    expect(bpsToPercentText(825)).toBe("8.25");
    expect(bpsToPercentText(800)).toBe("8");
    expect(bpsToPercentText(1050)).toBe("10.5");
    expect(bpsToPercentText(0)).toBe("0");
    expect(bpsToPercentText(10000)).toBe("100");
    expect(parsePercentText("8.25")).toEqual({ ok: true, value: 825 });
    expect(parsePercentText("8.25%")).toEqual({ ok: true, value: 825 });
    expect(parsePercentText("100")).toEqual({ ok: true, value: 10000 });
    expect(parsePercentText("100.01")).toMatchObject({ ok: false, message: "The rate is at most 100 %." });
    expect(parsePercentText("8.255")).toMatchObject({ ok: false });
  });

  it("applies a rate in integers, rounding half away from zero", () => {
    expect(applyBps(1999, 825)).toBe(165); // 164.9175
    expect(applyBps(200, 25)).toBe(1); // 0.5 → 1
    expect(applyBps(-200, 25)).toBe(-1);
    expect(applyBps(MAX_MINOR_UNITS, 10000)).toBe(MAX_MINOR_UNITS);
    expect(applyBps(0, 825)).toBe(0);
  });
});
