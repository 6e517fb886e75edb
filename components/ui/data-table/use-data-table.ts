"use client";
// The one server-driven table hook: wraps TanStack's useReactTable with manual sorting and
// pagination (the server sorts and pages; the URL holds the state, through useQueryParams), row
// selection with a checkbox column, and column visibility kept in localStorage. Column ids of
// sortable columns are the list query's sort keys. Render the result with <DataTable>.
//
//   const dt = useDataTable({ id: "admin-users", data: page.items, columns, getRowId: (u) => u.id,
//     sort: query.sort, sortKeys: USER_SORT_KEYS, defaultSort: DEFAULT_USER_SORT, page, selectable: canManage,
//     getRowLabel: (u) => u.username });
//   <DataTable dt={dt} toolbar={…} bulkActions={(rows) => …} empty={…} />
import {
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type RowSelectionState,
  type SortingState,
  type Table,
  type Updater,
  type VisibilityState,
} from "@tanstack/react-table";
import { useMemo, useState } from "react";
import { formatSort, type SortSpec } from "@/lib/validations/list-query";
import { selectionColumn } from "@/components/ui/data-table/selection-column";
import type { DataTablePage } from "@/components/ui/data-table/types";
import { useColumnVisibility } from "@/components/ui/data-table/use-column-visibility";
import { useQueryParams, type QueryParams } from "@/components/ui/data-table/use-query-params";

export type UseDataTableOptions<TData> = {
  /** Stable id: names the localStorage entry for column visibility. */
  id: string;
  data: TData[];
  // The columns' value types differ per column; TanStack's own examples type the list this way.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<TData, any>[];
  getRowId: (row: TData) => string;
  sort: SortSpec;
  /** The list query's sort allow-list: the columns with these ids get sortable headers. */
  sortKeys: readonly string[];
  /** The sort used without a `sort` parameter (kept out of the URL). */
  defaultSort: SortSpec;
  page: DataTablePage;
  /** Adds the checkbox column. */
  selectable?: boolean;
  /** The row's name for its checkbox's label ("Select ada"). */
  getRowLabel?: (row: TData) => string;
  /** Column ids hidden until the person shows them. */
  hiddenByDefault?: readonly string[];
};

export type DataTableInstance<TData> = {
  table: Table<TData>;
  params: QueryParams;
  page: DataTablePage;
  sort: SortSpec;
  /** A URL change is being rendered. */
  loading: boolean;
  selectedRows: TData[];
  clearSelection: () => void;
  /** Whether the column's header sorts (its id is in the sort allow-list). */
  sortable: (columnId: string) => boolean;
  /** Where a click on a sortable header goes (also works without JavaScript). */
  sortHref: (columnId: string) => string;
};

export function useDataTable<TData>(options: UseDataTableOptions<TData>): DataTableInstance<TData> {
  const { id, data, getRowId, sort, sortKeys, defaultSort, page, selectable = false, hiddenByDefault } = options;
  const params = useQueryParams();
  const getRowLabel = options.getRowLabel ?? ((row: TData) => getRowId(row));

  const columns = useMemo(
    () => (selectable ? [selectionColumn(getRowLabel), ...options.columns] : options.columns),
    // getRowLabel is a render-time closure; the column only reads it when rendering.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [selectable, options.columns],
  );

  // Selection belongs to the rows on screen: new data (another page, a refresh) starts empty.
  const [selection, setSelection] = useState<{ for: TData[]; value: RowSelectionState }>({ for: data, value: {} });
  const rowSelection = selection.for === data ? selection.value : {};

  const defaults = useMemo<VisibilityState>(
    () => Object.fromEntries((hiddenByDefault ?? []).map((col) => [col, false])),
    [hiddenByDefault],
  );
  const [columnVisibility, setColumnVisibility] = useColumnVisibility(id, defaults);

  const nextSort = (columnId: string): SortSpec => {
    if (sort.key === columnId) return { key: columnId, direction: sort.direction === "asc" ? "desc" : "asc" };
    const column = columns.find((c) => c.id === columnId || ("accessorKey" in c && c.accessorKey === columnId));
    return { key: columnId, direction: column?.sortDescFirst ? "desc" : "asc" };
  };
  const sortValue = (next: SortSpec) => (formatSort(next) === formatSort(defaultSort) ? null : formatSort(next));

  // Sorting is the URL's: headers are links (DataTable), TanStack only mirrors the state.
  const sorting: SortingState = [{ id: sort.key, desc: sort.direction === "desc" }];

  // TanStack's instance is one mutable object, updated from these options on every render; the
  // React Compiler (not used here) would skip this hook for that reason.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data,
    columns,
    getRowId: (row) => getRowId(row),
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    enableRowSelection: selectable,
    rowCount: page.total,
    state: { sorting, rowSelection, columnVisibility },
    onRowSelectionChange: (updater: Updater<RowSelectionState>) =>
      setSelection({ for: data, value: typeof updater === "function" ? updater(rowSelection) : updater }),
    onColumnVisibilityChange: (updater: Updater<VisibilityState>) =>
      setColumnVisibility(typeof updater === "function" ? updater(columnVisibility) : updater),
  });

  const selectedRows = table.getSelectedRowModel().rows.map((row) => row.original);

  return {
    table,
    params,
    page,
    sort,
    loading: params.isPending,
    selectedRows,
    clearSelection: () => setSelection({ for: data, value: {} }),
    sortable: (columnId) => sortKeys.includes(columnId),
    sortHref: (columnId) => params.href({ sort: sortValue(nextSort(columnId)) }),
  };
}
