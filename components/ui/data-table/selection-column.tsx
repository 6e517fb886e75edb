"use client";
// The checkbox column of a selectable table: a header box for the whole page (indeterminate when
// some rows are picked) and one box per row, each with an accessible name.
import type { ColumnDef } from "@tanstack/react-table";
import { useEffect, useRef, type InputHTMLAttributes } from "react";
import { cn } from "@/lib/cn";

export function Checkbox({
  indeterminate = false,
  className,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { indeterminate?: boolean }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return (
    <input
      ref={ref}
      type="checkbox"
      className={cn(
        "size-4 cursor-pointer rounded border-border align-middle accent-[var(--brand)] disabled:cursor-not-allowed",
        className,
      )}
      {...props}
    />
  );
}

export const SELECT_COLUMN_ID = "select";

export function selectionColumn<TData>(getRowLabel: (row: TData) => string): ColumnDef<TData> {
  return {
    id: SELECT_COLUMN_ID,
    enableSorting: false,
    enableHiding: false,
    meta: { className: "w-10 pr-0!" },
    header: ({ table }) => (
      <Checkbox
        aria-label="Select all rows on this page"
        checked={table.getIsAllPageRowsSelected()}
        indeterminate={table.getIsSomePageRowsSelected()}
        onChange={(e) => table.toggleAllPageRowsSelected(e.target.checked)}
      />
    ),
    cell: ({ row }) => (
      <Checkbox
        aria-label={`Select ${getRowLabel(row.original)}`}
        checked={row.getIsSelected()}
        disabled={!row.getCanSelect()}
        onChange={(e) => row.toggleSelected(e.target.checked)}
      />
    ),
  };
}
