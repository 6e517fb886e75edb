"use client";
// Columns of the customers table. Ids of sortable columns are the list query's sort keys
// (lib/validations/customer-list-query.ts). `now` comes from the server render, so relative times
// read the same on the server and in the browser.
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { CustomerActions } from "@/components/customers/customer-actions";
import { formatRelative } from "@/lib/format";
import type { CustomerJson } from "@/lib/validations/customer";

const day = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

export function customerColumns({ now, canWrite }: { now: Date; canWrite: boolean }): ColumnDef<CustomerJson>[] {
  const columns: ColumnDef<CustomerJson>[] = [
    {
      id: "name",
      header: "Customer",
      meta: { label: "Customer", className: "min-w-56" },
      enableHiding: false,
      cell: ({ row }) => {
        const c = row.original;
        return (
          <div className="min-w-0">
            <Link
              href={`/records/customers/${c.id}`}
              className="font-medium text-foreground hover:text-brand hover:underline focus-visible:underline"
            >
              {c.name}
            </Link>
            <p className="truncate text-xs text-muted-foreground">{c.email ?? "No email"}</p>
          </div>
        );
      },
    },
    {
      id: "phone",
      header: "Phone",
      meta: { label: "Phone" },
      cell: ({ row }) =>
        row.original.phone ? (
          <span className="whitespace-nowrap tabular-nums">{row.original.phone}</span>
        ) : (
          <span className="text-muted-foreground">—</span>
        ),
    },
    {
      id: "tags",
      header: "Tags",
      meta: { label: "Tags" },
      cell: ({ row }) => {
        const tags = row.original.tags;
        if (tags.length === 0) return <span className="text-muted-foreground">—</span>;
        return (
          <div className="flex max-w-64 flex-wrap gap-1">
            {tags.slice(0, 4).map((t) => (
              <Badge key={t} tone="brand">
                {t}
              </Badge>
            ))}
            {tags.length > 4 ? <Badge tone="neutral">+{tags.length - 4}</Badge> : null}
          </div>
        );
      },
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
        ) : (
          <Badge tone="success" dot>
            Active
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
    {
      id: "updatedAt",
      header: "Updated",
      sortDescFirst: true,
      meta: { label: "Updated" },
      cell: ({ row }) => (
        <span className="whitespace-nowrap text-muted-foreground" title={row.original.updatedAt}>
          {formatRelative(new Date(row.original.updatedAt), now)}
        </span>
      ),
    },
  ];
  if (canWrite) {
    columns.push({
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      enableHiding: false,
      meta: { className: "w-12 text-right" },
      cell: ({ row }) => <CustomerActions customer={row.original} />,
    });
  }
  return columns;
}
