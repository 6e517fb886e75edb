import { describe, expect, it } from "vitest";
import { containsPattern, keysetSqlDialect, sqlAnd, sqlTrue } from "@/lib/data/keyset-sql";

const dialect = keysetSqlDialect((f) => `c."${f}"`);
const name = [{ field: "name", type: "string" as const }];

describe("keyset SQL", () => {
  it("seeks past a cursor row with one row-value comparison when no column is NULL", () => {
    expect(dialect.beyond(name, "asc", ["Kay"], "id1", "after")).toEqual({
      sql: `(c."name", c."id") > (?, ?)`,
      params: ["Kay", "id1"],
    });
    expect(dialect.beyond(name, "desc", ["Kay"], "id1", "after").sql).toBe(`(c."name", c."id") < (?, ?)`);
    expect(dialect.beyond(name, "asc", ["Kay"], "id1", "before").sql).toBe(`(c."name", c."id") < (?, ?)`);
    expect(dialect.beyond(name, "desc", ["Kay"], "id1", "before").sql).toBe(`(c."name", c."id") > (?, ?)`);
  });

  it("seeks past a cursor row of a nullable column with the implied bound on the first column", () => {
    const due = [{ field: "dueAt", type: "date" as const, nullable: true }];
    expect(dialect.beyond(due, "asc", ["2026-01-01"], "id1", "before")).toEqual({
      sql: `((c."dueAt" < ?)) OR ((c."dueAt" = ?) AND (c."id" < ?))`,
      params: ["2026-01-01", "2026-01-01", "id1"],
    });
  });

  it("orders NULLs last in display order and first when reading backwards", () => {
    const due = [{ field: "dueAt", type: "date" as const, nullable: true }];
    expect(dialect.orderBy(due, "asc", false)).toBe(`(c."dueAt" IS NULL) ASC, c."dueAt" ASC, c."id" ASC`);
    expect(dialect.orderBy(due, "asc", true)).toBe(`(c."dueAt" IS NULL) DESC, c."dueAt" DESC, c."id" DESC`);
    // After a NULL only larger ids with NULL follow; before it every non-NULL comes.
    expect(dialect.beyond(due, "asc", [null], "id1", "after")).toEqual({
      sql: `((c."dueAt" IS NULL) AND (c."id" > ?))`,
      params: ["id1"],
    });
    expect(dialect.beyond(due, "asc", [null], "id1", "before").sql).toContain(`c."dueAt" IS NOT NULL`);
  });

  it("joins fragments and drops the always-true one", () => {
    expect(sqlAnd(sqlTrue, { sql: "a = ?", params: [1] })).toEqual({ sql: "(a = ?)", params: [1] });
    expect(sqlAnd()).toBe(sqlTrue);
  });

  it("escapes LIKE wildcards", () => {
    expect(containsPattern("50%_a\\b")).toBe("%50\\%\\_a\\\\b%");
  });
});
