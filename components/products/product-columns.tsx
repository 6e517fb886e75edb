"use client";
// Columns of the products table. Ids of sortable columns are the list query's sort keys
// (lib/validations/product-list-query.ts). Money is formatted from integer minor units in the
// product's own currency (lib/money.ts).
import type { ColumnDef } from "@tanstack/react-table";
import { Badge } from "@/components/ui/badge";
import { ProductActions } from "@/components/products/product-actions";
import { StockLevel } from "@/components/products/stock-level";
import { bpsToPercentText, formatMoney } from "@/lib/money";
import type { ProductJson } from "@/lib/validations/product";

const day = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

export function productColumns({ canWrite }: { canWrite: boolean }): ColumnDef<ProductJson>[] {
  const columns: ColumnDef<ProductJson>[] = [
    {
      id: "sku",
      header: "SKU",
      meta: { label: "SKU", className: "w-40" },
      enableHiding: false,
      cell: ({ row }) => (
        <span className="whitespace-nowrap font-mono text-xs font-medium text-foreground">{row.original.sku}</span>
      ),
    },
    {
      id: "name",
      header: "Product",
      meta: { label: "Product", className: "min-w-56" },
      enableHiding: false,
      cell: ({ row }) => (
        <div className="min-w-0 max-w-md">
          <p className="font-medium text-foreground">{row.original.name}</p>
          {row.original.description ? (
            <p className="truncate text-xs text-muted-foreground">{row.original.description}</p>
          ) : null}
          {/* On a phone the price and stock columns are off to the side: repeat them here. */}
          <p className="mt-1 flex items-center gap-2 text-xs text-muted-foreground sm:hidden">
            <span className="tabular-nums">{formatMoney(row.original.unitPrice, row.original.currency)}</span>
            <span aria-hidden="true">·</span>
            <StockLevel product={row.original} />
          </p>
        </div>
      ),
    },
    {
      id: "unitPrice",
      header: "Price",
      sortDescFirst: true,
      meta: { label: "Price", className: "text-right" },
      cell: ({ row }) => (
        <span className="whitespace-nowrap tabular-nums">{formatMoney(row.original.unitPrice, row.original.currency)}</span>
      ),
    },
    {
      id: "unitCost",
      header: "Cost",
      meta: { label: "Cost", className: "text-right" },
      cell: ({ row }) => (
        <span className="whitespace-nowrap tabular-nums text-muted-foreground">
          {formatMoney(row.original.unitCost, row.original.currency)}
        </span>
      ),
    },
    {
      id: "taxRate",
      header: "Tax",
      meta: { label: "Tax rate", className: "text-right" },
      cell: ({ row }) => (
        <span className="whitespace-nowrap tabular-nums text-muted-foreground">
          {bpsToPercentText(row.original.taxRateBps)} %
        </span>
      ),
    },
    {
      id: "stock",
      header: "Stock",
      meta: { label: "Stock" },
      cell: ({ row }) => <StockLevel product={row.original} />,
    },
    {
      id: "status",
      header: "Status",
      meta: { label: "Status" },
      cell: ({ row }) =>
        row.original.archived ? (
          <Badge tone="neutral" dot>
            Archived
          </Badge>
        ) : row.original.active ? (
          <Badge tone="success" dot>
            For sale
          </Badge>
        ) : (
          <Badge tone="warning" dot>
            Inactive
          </Badge>
        ),
    },
    {
      id: "createdAt",
      header: "Added",
      sortDescFirst: true,
      meta: { label: "Added" },
      cell: ({ row }) => (
        <span className="whitespace-nowrap text-muted-foreground">{day.format(new Date(row.original.createdAt))}</span>
      ),
    },
  ];
  if (canWrite) {
    columns.push({
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      enableHiding: false,
      meta: { className: "w-12 text-right" },
      cell: ({ row }) => <ProductActions product={row.original} />,
    });
  }
  return columns;
}
