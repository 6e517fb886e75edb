// Column metadata the kit reads (TanStack Table's ColumnMeta, augmented once here).
import type { RowData } from "@tanstack/react-table";

declare module "@tanstack/react-table" {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the generics must match TanStack's declaration
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Name in the "Columns" menu (defaults to the column id). */
    label?: string;
    /** Classes for the column's cells (th and td), e.g. widths or "text-right". */
    className?: string;
  }
}

/** Where the current page sits in the whole list, from the DAL's list result. */
export type DataTablePage = {
  /** 1-based position of the first row (0 when empty). */
  start: number;
  total: number;
  limit: number;
  nextCursor: string | null;
  prevCursor: string | null;
};
