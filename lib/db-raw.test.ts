import { describe, expect, it } from "vitest";
import { numberPlaceholders, storedDate } from "@/lib/db-raw";

describe("storedDate", () => {
  it("reads stored timestamps as UTC and refuses what it cannot read", () => {
    expect(storedDate("2026-12-02T17:11:00.123+00:00").toISOString()).toBe("2026-12-02T17:11:00.123Z");
    expect(storedDate("2026-12-02 17:11:00").toISOString()).toBe("2026-12-02T17:11:00.000Z");
    expect(storedDate("2026-12-02 17:11:00.5").toISOString()).toBe("2026-12-02T17:11:00.500Z");
    expect(() => storedDate("infinity")).toThrow(/unreadable/);
    expect(() => storedDate("12/02/2026 17:11:00 PST")).toThrow(/unreadable/);
  });
});

describe("numberPlaceholders", () => {
  it("numbers placeholders for PostgreSQL outside quotes", () => {
    expect(numberPlaceholders(`SELECT '?' AS "a?" FROM t WHERE x = ? AND y LIKE ? ESCAPE '\\'`)).toBe(
      `SELECT '?' AS "a?" FROM t WHERE x = $1 AND y LIKE $2 ESCAPE '\\'`,
    );
  });
});
