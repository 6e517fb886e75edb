// The keyset conditions of lib/data/keyset.ts as SQL fragments, for lists read with raw SQL
// through lib/db-raw.ts (`?` placeholders, both providers): the same total order (sort columns in
// the sort's direction, NULLs last, then id), the same "strictly after / before the cursor row",
// the same implied bound on the first column that lets the database seek to a deep cursor.
import "server-only";
import { flip, type KeysetColumn, type KeysetValue } from "@/lib/data/keyset";
import type { KeysetDialect } from "@/lib/data/keyset-page";
import type { SortDirection } from "@/lib/validations/list-query";

export type SqlFragment = { sql: string; params: unknown[] };

export const sqlTrue: SqlFragment = { sql: "1 = 1", params: [] };

/** Fragments joined with AND (none: always true). */
export function sqlAnd(...parts: SqlFragment[]): SqlFragment {
  const real = parts.filter((p) => p !== sqlTrue);
  if (!real.length) return sqlTrue;
  return { sql: real.map((p) => `(${p.sql})`).join(" AND "), params: real.flatMap((p) => p.params) };
}

function sqlOr(parts: SqlFragment[]): SqlFragment {
  return { sql: parts.map((p) => `(${p.sql})`).join(" OR "), params: parts.flatMap((p) => p.params) };
}

/**
 * Keyset SQL over the columns of one table; `column(field)` names a field in SQL
 * (e.g. `c."name"`).
 */
export function keysetSqlDialect(column: (field: string) => string): KeysetDialect<SqlFragment, string> {
  const idColumn: KeysetColumn = { field: "id", type: "string" };

  const beyondOne = (c: KeysetColumn, value: KeysetValue, direction: SortDirection, side: "after" | "before") => {
    const op = (direction === "asc") === (side === "after") ? ">" : "<";
    const name = column(c.field);
    if (value === null) return side === "after" ? null : { sql: `${name} IS NOT NULL`, params: [] };
    const strictly = { sql: `${name} ${op} ?`, params: [value] };
    return side === "after" && c.nullable ? { sql: `${strictly.sql} OR ${name} IS NULL`, params: [value] } : strictly;
  };

  return {
    and: (a, b) => sqlAnd(a, b),
    beyond(columns, direction, values, id, side) {
      const all = [...columns, idColumn];
      const allValues: KeysetValue[] = [...values, id];
      // No NULLs in play: one row-value comparison, which both databases answer with a single
      // index seek (SQLite spends ~half as long on it as on the OR form below, a deep page's cost).
      if (all.every((c, i) => !c.nullable && allValues[i] !== null && allValues[i] !== undefined)) {
        const op = (direction === "asc") === (side === "after") ? ">" : "<";
        return {
          sql: `(${all.map((c) => column(c.field)).join(", ")}) ${op} (${all.map(() => "?").join(", ")})`,
          params: allValues,
        };
      }
      const branches: SqlFragment[] = [];
      all.forEach((c, i) => {
        const step = beyondOne(c, allValues[i]!, direction, side);
        if (!step) return;
        const prefix = all
          .slice(0, i)
          .map((p, j) =>
            allValues[j] === null
              ? { sql: `${column(p.field)} IS NULL`, params: [] }
              : { sql: `${column(p.field)} = ?`, params: [allValues[j]] },
          );
        branches.push(sqlAnd(...prefix, step));
      });
      if (!branches.length) return { sql: "1 = 0", params: [] };
      const first = all[0]!;
      const firstValue = allValues[0];
      if (all.length > 1 && !first.nullable && firstValue !== null && firstValue !== undefined) {
        const op = (direction === "asc") === (side === "after") ? ">=" : "<=";
        return sqlAnd({ sql: `${column(first.field)} ${op} ?`, params: [firstValue] }, sqlOr(branches));
      }
      return sqlOr(branches);
    },
    orderBy(columns, direction, reverse) {
      const dir = reverse ? flip(direction) : direction;
      const sqlDir = dir === "asc" ? "ASC" : "DESC";
      return [
        ...columns.map((c) => {
          const name = column(c.field);
          // NULLs last in display order (first when reading backwards), on both databases.
          const nulls = c.nullable ? `(${name} IS NULL) ${reverse ? "DESC" : "ASC"}, ` : "";
          return `${nulls}${name} ${sqlDir}`;
        }),
        `${column("id")} ${sqlDir}`,
      ].join(", ");
    },
  };
}

/** `LIKE` pattern for "contains `text`", wildcards in it taken literally (with `ESCAPE '\'`). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}
