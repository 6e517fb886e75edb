// One page of any list DAL function (users, customers, products, transactions…): keyset
// pagination on (sort columns…, id) in both directions over the entity's own `findMany`, with the
// cursors of the page's ends. Counting is optional: tables show "x–y of N" (`count` given), the
// REST API asks for `total` only when the caller does, so a deep page costs what the first does.
import "server-only";
import {
  cursorValuesOf,
  keysetOrderBy,
  keysetWhere,
  readCursorValues,
  rowValues,
  type KeysetColumn,
  type KeysetValue,
} from "@/lib/data/keyset";
import { encodeCursor, formatSort, type Cursor, type SortDirection, type SortSpec } from "@/lib/validations/list-query";

type Where = Record<string, unknown>;

export type KeysetPage<Row> = {
  rows: Row[];
  nextCursor: string | null;
  /** Null on the first page; without `count`, any page reached by a forward cursor offers one. */
  prevCursor: string | null;
  /** Rows matching the filters (only with `count`). */
  total: number | null;
  /** 1-based position of the first row in the whole ordered list (only with `count`; 0 when empty). */
  start: number | null;
};

/**
 * How a list's filters are written: Prisma `where`/`orderBy` objects (the default) or SQL
 * fragments (lib/data/keyset-sql.ts, for lists read through lib/db-raw.ts). The pagination is the
 * same either way.
 */
export type KeysetDialect<W, O> = {
  and(a: W, b: W): W;
  beyond(
    columns: readonly KeysetColumn[],
    direction: SortDirection,
    values: readonly KeysetValue[],
    id: string,
    side: "after" | "before",
  ): W;
  orderBy(columns: readonly KeysetColumn[], direction: SortDirection, reverse: boolean): O;
};

const prismaDialect: KeysetDialect<Where, Record<string, unknown>[]> = {
  and: (a, b) => ({ AND: [a, b] }),
  beyond: keysetWhere,
  orderBy: keysetOrderBy,
};

type PageOptions<Row, W, O> = {
  columns: readonly KeysetColumn[];
  sort: SortSpec;
  cursor: Cursor | undefined;
  limit: number;
  /** The filters, as a Prisma `where` of the entity (or in the dialect's form). */
  where: W;
  /** The entity's findMany with these arguments (its `select` decides what the rows carry). */
  read: (args: { where: W; orderBy: O; take: number }) => Promise<Row[]>;
  /** The entity's count; given, the page also says its total and its start position. */
  count?: (where: W) => Promise<number>;
};

export async function keysetPage<Row extends { id: string }>(
  options: PageOptions<Row, Where, Record<string, unknown>[]>,
): Promise<KeysetPage<Row>>;
export async function keysetPage<Row extends { id: string }, W, O>(
  options: PageOptions<Row, W, O> & { dialect: KeysetDialect<W, O> },
): Promise<KeysetPage<Row>>;
export async function keysetPage<Row extends { id: string }, W, O>(
  options: PageOptions<Row, W, O> & { dialect?: KeysetDialect<W, O> },
): Promise<KeysetPage<Row>> {
  const { columns, limit, where: filters, read, count } = options;
  const dialect = options.dialect ?? (prismaDialect as unknown as KeysetDialect<W, O>);
  const { direction } = options.sort;
  const sortParam = formatSort(options.sort);
  // A cursor whose values do not fit the sort's columns is treated as no cursor (first page).
  const values = options.cursor ? readCursorValues(columns, options.cursor) : null;
  const cursor = options.cursor && values ? { ...options.cursor, values } : null;

  const page = (where: W, reverse: boolean) =>
    read({ where, orderBy: dialect.orderBy(columns, direction, reverse), take: limit + 1 });
  const beyond = (row: { id: string; values: readonly KeysetValue[] }, side: "after" | "before") =>
    dialect.beyond(columns, direction, row.values, row.id, side);

  let rows: Row[];
  let hasNext: boolean;
  // Whether rows lie before this page, as far as the reads tell (a count below says exactly).
  let readPrev = Boolean(cursor);
  if (cursor?.before) {
    const back = await page(dialect.and(filters, beyond(cursor, "before")), true);
    if (back.length > limit) {
      rows = back.slice(0, limit).reverse();
      hasNext = true;
    } else {
      readPrev = false;
      // Reached the start: show a full first page rather than a short one.
      const first = await page(filters, false);
      rows = first.slice(0, limit);
      hasNext = first.length > limit;
    }
  } else {
    const forward = await page(cursor ? dialect.and(filters, beyond(cursor, "after")) : filters, false);
    rows = forward.slice(0, limit);
    hasNext = forward.length > limit;
  }

  const firstRow = rows[0];
  const lastRow = rows.at(-1);
  let total: number | null = null;
  let rowsBefore: number | null = null;
  if (count) {
    [total, rowsBefore] = await Promise.all([
      count(filters),
      firstRow
        ? count(dialect.and(filters, beyond({ id: firstRow.id, values: rowValues(columns, firstRow) }, "before")))
        : Promise.resolve(0),
    ]);
  }
  const rowCursor = (row: Row, before = false) =>
    encodeCursor({ sort: sortParam, values: cursorValuesOf(columns, row), id: row.id, before });
  const hasPrev = rowsBefore !== null ? rowsBefore > 0 : readPrev;
  return {
    rows,
    nextCursor: hasNext && lastRow ? rowCursor(lastRow) : null,
    prevCursor: firstRow && hasPrev ? rowCursor(firstRow, true) : null,
    total,
    start: rowsBefore === null ? null : firstRow ? rowsBefore + 1 : 0,
  };
}
