// Keyset pagination over (sort columns…, id), both directions, for any list DAL function. Rows are
// in a total order: each sort column in the sort's direction with NULLs last, then id in the same
// direction. A page after a cursor row is "rows strictly after it"; a page before it is "rows
// strictly before it", read in reverse and turned around. Prisma builds the SQL; this module only
// builds the `where` and `orderBy` objects, so it works on SQLite and PostgreSQL alike.
import "server-only";
import type { Cursor, CursorValue, SortDirection } from "@/lib/validations/list-query";

export type KeysetColumn = {
  field: string;
  type: "string" | "date" | "number";
  /** Nullable columns sort NULLs last (in display order). */
  nullable?: boolean;
};

// The objects are Prisma where/orderBy inputs for the entity's model; callers cast them to the
// model's input type (the shape is the same for every model).
type Where = Record<string, unknown>;
type OrderBy = Record<string, unknown>;

export const flip = (direction: SortDirection): SortDirection => (direction === "asc" ? "desc" : "asc");

/** orderBy for display order, or (reverse) for reading a "Previous" page backwards. */
export function keysetOrderBy(columns: readonly KeysetColumn[], direction: SortDirection, reverse = false): OrderBy[] {
  const dir = reverse ? flip(direction) : direction;
  return [
    ...columns.map((c) =>
      c.nullable ? { [c.field]: { sort: dir, nulls: reverse ? "first" : "last" } } : { [c.field]: dir },
    ),
    { id: dir },
  ];
}

export type KeysetValue = string | number | Date | null;
type Value = KeysetValue;

function equal(column: KeysetColumn, value: Value): Where {
  return { [column.field]: value };
}

/** Rows whose `column` lies strictly after (or before) `value` in display order; null = none. */
function beyond(column: KeysetColumn, value: Value, direction: SortDirection, side: "after" | "before"): Where | null {
  const op = (direction === "asc") === (side === "after") ? "gt" : "lt";
  if (value === null) {
    // NULLs are last: nothing comes after them; every non-NULL comes before them.
    return side === "after" ? null : { [column.field]: { not: null } };
  }
  const strictly: Where = { [column.field]: { [op]: value } };
  return side === "after" && column.nullable ? { OR: [strictly, { [column.field]: null }] } : strictly;
}

/** The `where` for rows strictly after (or before) the cursor row, in display order. */
export function keysetWhere(
  columns: readonly KeysetColumn[],
  direction: SortDirection,
  values: readonly Value[],
  id: string,
  side: "after" | "before",
): Where {
  const all: KeysetColumn[] = [...columns, { field: "id", type: "string" }];
  const allValues: Value[] = [...values, id];
  const branches: Where[] = [];
  for (let i = 0; i < all.length; i++) {
    const step = beyond(all[i]!, allValues[i]!, direction, side);
    if (!step) continue;
    const prefix = all.slice(0, i).map((c, j) => equal(c, allValues[j]!));
    branches.push(prefix.length ? { AND: [...prefix, step] } : step);
  }
  // No branch: nothing lies beyond the cursor (an impossible id keeps the query valid).
  if (!branches.length) return { id: { in: [] } };
  // The OR alone makes the database scan from the start of the index up to the cursor (a deep page
  // then costs in proportion to its depth); the implied bound on the first column, `name >= v`,
  // lets it seek straight to the cursor. Only for a non-null value of a non-nullable column, where
  // the bound is exactly implied.
  const first = all[0]!;
  const firstValue = allValues[0];
  if (all.length > 1 && !first.nullable && firstValue !== null && firstValue !== undefined) {
    const op = (direction === "asc") === (side === "after") ? "gte" : "lte";
    return { AND: [{ [first.field]: { [op]: firstValue } }, { OR: branches }] };
  }
  return { OR: branches };
}

/** A row's values of the sort columns, as stored. */
export function rowValues(columns: readonly KeysetColumn[], row: Record<string, unknown>): Value[] {
  return columns.map((c) => (row[c.field] ?? null) as Value);
}

/** The cursor values of a row (dates as ISO strings). */
export function cursorValuesOf(columns: readonly KeysetColumn[], row: Record<string, unknown>): CursorValue[] {
  return columns.map((c) => {
    const v = row[c.field];
    if (v === null || v === undefined) return null;
    if (v instanceof Date) return v.toISOString();
    return v as CursorValue;
  });
}

/** A cursor's values as column values (ISO strings → Date), or null when they do not fit. */
export function readCursorValues(columns: readonly KeysetColumn[], cursor: Cursor): Value[] | null {
  if (cursor.values.length !== columns.length) return null;
  const out: Value[] = [];
  for (const [i, column] of columns.entries()) {
    const v = cursor.values[i];
    if (v === null || v === undefined) {
      if (!column.nullable) return null;
      out.push(null);
    } else if (column.type === "date") {
      if (typeof v !== "string") return null;
      const date = new Date(v);
      if (Number.isNaN(date.getTime())) return null;
      out.push(date);
    } else if (column.type === "number") {
      if (typeof v !== "number" || !Number.isFinite(v)) return null;
      out.push(v);
    } else {
      if (typeof v !== "string") return null;
      out.push(v);
    }
  }
  return out;
}
