import { describe, expect, it } from "vitest";
import { csvCell, uncsvCell } from "@/lib/csv/csv-cell";

describe("csvCell", () => {
  it("neutralises cells a spreadsheet would run as formulas", () => {
    for (const text of ["=1+2", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", '=HYPERLINK("http://x","y")']) {
      expect(csvCell(text)).toBe(`'${text}`);
    }
    expect(csvCell("Ada = genius")).toBe("Ada = genius");
  });

  it("writes dates as ISO, lists joined, nothing for null", () => {
    expect(csvCell(new Date("2026-01-02T03:04:05.000Z"))).toBe("2026-01-02T03:04:05.000Z");
    expect(csvCell(["vip", "=x"])).toBe("vip; =x");
    expect(csvCell(["=x", "vip"])).toBe("'=x; vip");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(42)).toBe("42");
  });

  it("round-trips through uncsvCell", () => {
    for (const text of ["=1+2", "-5", "plain", "'quoted by a person", "'"]) {
      expect(uncsvCell(csvCell(text))).toBe(text);
    }
  });
});
