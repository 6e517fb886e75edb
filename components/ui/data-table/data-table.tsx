"use client";
// Renders a useDataTable() instance: toolbar slot and "Columns" menu, a bulk-action bar while
// rows are selected, sortable headers (links with aria-sort), rows (optionally opening a URL on
// click; keep a real link in a cell for keyboards), an empty state, a loading state while the URL
// changes, and the "showing x–y" footer with keyset pagination. Pattern after dub's
// packages/ui/src/table/table.tsx.
import { flexRender, type Header } from "@tanstack/react-table";
import Link from "next/link";
import { ArrowDown, ArrowUp, ChevronsUpDown, X } from "lucide-react";
import type { MouseEvent, ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { DataTablePagination } from "@/components/ui/data-table/data-table-pagination";
import { DataTableViewOptions } from "@/components/ui/data-table/data-table-view-options";
import type { DataTableInstance } from "@/components/ui/data-table/use-data-table";
import { cn } from "@/lib/cn";

export type DataTableProps<TData> = {
  dt: DataTableInstance<TData>;
  /** Accessible name of the table. */
  label: string;
  /**
   * Filters and search, shown above the table, with the "Columns" menu at the right. A function
   * receives the menu to place it itself (e.g. beside the search box).
   */
  toolbar?: ReactNode | ((slots: { columnsMenu: ReactNode }) => ReactNode);
  /** Buttons for the selected rows (shown in the bar that appears while rows are selected). */
  bulkActions?: (rows: TData[], clear: () => void) => ReactNode;
  /** Shown instead of the table when the page has no rows. */
  empty: ReactNode;
  /** A row click (outside links, buttons and inputs) opens this URL. */
  getRowHref?: (row: TData) => string;
  noun?: { one: string; many: string };
  /** data-testid of each body row. */
  rowTestId?: string;
};

const INTERACTIVE = "a, button, input, select, textarea, label, [role='menuitem']";

function SortableHeader<TData>({ header, dt }: { header: Header<TData, unknown>; dt: DataTableInstance<TData> }) {
  const column = header.column;
  const active = dt.sort.key === column.id;
  const direction = active ? dt.sort.direction : null;
  const href = dt.sortHref(column.id);
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    dt.params.go(href);
  };
  const Icon = direction === "asc" ? ArrowUp : direction === "desc" ? ArrowDown : ChevronsUpDown;
  return (
    <Link
      href={href}
      onClick={onClick}
      scroll={false}
      className={cn(
        "-mx-1.5 inline-flex items-center gap-1 rounded-md px-1.5 py-1 uppercase transition hover:bg-muted hover:text-foreground",
        active && "text-foreground",
      )}
    >
      {flexRender(column.columnDef.header, header.getContext())}
      <Icon className={cn("size-3.5", !active && "opacity-50")} aria-hidden="true" />
      <span className="sr-only">
        {direction === "asc" ? ", sorted ascending" : direction === "desc" ? ", sorted descending" : ", sort"}
      </span>
    </Link>
  );
}

export function DataTable<TData>({
  dt,
  label,
  toolbar,
  bulkActions,
  empty,
  getRowHref,
  noun,
  rowTestId = "table-row",
}: DataTableProps<TData>) {
  const { table, loading, selectedRows } = dt;
  const rows = table.getRowModel().rows;
  const selectedCount = selectedRows.length;

  const onRowClick = (href: string) => (event: MouseEvent<HTMLTableRowElement>) => {
    if ((event.target as HTMLElement).closest(INTERACTIVE)) return;
    if (window.getSelection()?.toString()) return; // selecting text, not opening
    if (event.metaKey || event.ctrlKey) window.open(href, "_blank", "noopener");
    else dt.params.go(href);
  };

  return (
    <Card className="relative overflow-hidden">
      {loading ? (
        <div className="absolute inset-x-0 top-0 z-10 h-0.5 animate-pulse bg-brand" data-testid="table-loading" />
      ) : null}
      {typeof toolbar === "function" ? (
        <div className="border-b border-border px-4 py-3 sm:px-6">
          {toolbar({ columnsMenu: <DataTableViewOptions table={table} /> })}
        </div>
      ) : (
        <div className="flex flex-col gap-3 border-b border-border px-4 py-3 sm:flex-row sm:items-start sm:justify-between sm:px-6">
          <div className="min-w-0 flex-1">{toolbar}</div>
          <div className="shrink-0">
            <DataTableViewOptions table={table} />
          </div>
        </div>
      )}
      {selectedCount > 0 && bulkActions ? (
        <div
          role="region"
          aria-label="Bulk actions"
          className="flex flex-wrap items-center gap-3 border-b border-border bg-brand-soft px-4 py-2.5 sm:px-6"
        >
          <p className="text-sm font-medium text-foreground" aria-live="polite" data-testid="selected-count">
            {selectedCount} selected
          </p>
          <div className="flex flex-wrap items-center gap-2">{bulkActions(selectedRows, dt.clearSelection)}</div>
          <Button variant="ghost" size="sm" className="ml-auto" onClick={dt.clearSelection}>
            <X className="size-4" aria-hidden="true" />
            Clear selection
          </Button>
        </div>
      ) : null}
      {rows.length === 0 ? (
        <div aria-busy={loading || undefined} className={cn(loading && "opacity-60")}>
          {empty}
        </div>
      ) : (
        <Table
          aria-label={label}
          aria-busy={loading || undefined}
          aria-rowcount={dt.page.total + 1}
          className={cn("transition-opacity", loading && "opacity-60")}
        >
          <THead>
            {table.getHeaderGroups().map((group) => (
              <Tr key={group.id}>
                {group.headers.map((header) => {
                  const column = header.column;
                  const sortable = dt.sortable(column.id);
                  const active = dt.sort.key === column.id;
                  return (
                    <Th
                      key={header.id}
                      aria-sort={
                        sortable
                          ? active
                            ? dt.sort.direction === "asc"
                              ? "ascending"
                              : "descending"
                            : "none"
                          : undefined
                      }
                      className={column.columnDef.meta?.className}
                    >
                      {header.isPlaceholder ? null : sortable ? (
                        <SortableHeader header={header} dt={dt} />
                      ) : (
                        flexRender(column.columnDef.header, header.getContext())
                      )}
                    </Th>
                  );
                })}
              </Tr>
            ))}
          </THead>
          <TBody>
            {rows.map((row, i) => {
              const href = getRowHref?.(row.original);
              return (
                <Tr
                  key={row.id}
                  aria-rowindex={dt.page.start + i + 1}
                  data-testid={rowTestId}
                  selected={row.getIsSelected()}
                  interactive={!!href}
                  onClick={href ? onRowClick(href) : undefined}
                  className={href ? "cursor-pointer" : undefined}
                >
                  {row.getVisibleCells().map((cell) => (
                    <Td key={cell.id} className={cell.column.columnDef.meta?.className}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </Td>
                  ))}
                </Tr>
              );
            })}
          </TBody>
        </Table>
      )}
      <DataTablePagination page={dt.page} count={rows.length} params={dt.params} noun={noun} />
    </Card>
  );
}
