"use client";
// Columns of the transactions table. Ids of sortable columns are the list query's sort keys
// (lib/validations/transaction-list-query.ts: occurredAt, total, number).
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { TransactionStatusBadge } from "@/components/transactions/transaction-status-badge";
import type { TransactionListItem } from "@/lib/data/transactions/list-transactions";
import { formatDateTime } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import { PAYMENT_METHOD_LABELS } from "@/lib/validations/transaction";

export function transactionColumns(): ColumnDef<TransactionListItem>[] {
  return [
    {
      id: "number",
      header: "Receipt",
      meta: { label: "Receipt" },
      enableHiding: false,
      cell: ({ row }) => (
        <Link
          href={`/records/transactions/${row.original.id}`}
          className="font-medium tabular-nums text-foreground hover:text-brand hover:underline focus-visible:underline"
        >
          #{row.original.number}
        </Link>
      ),
    },
    {
      id: "occurredAt",
      header: "When",
      meta: { label: "When", className: "whitespace-nowrap" },
      cell: ({ row }) => <span className="text-muted-foreground">{formatDateTime(row.original.occurredAt)}</span>,
    },
    {
      id: "customer",
      header: "Customer",
      meta: { label: "Customer" },
      cell: ({ row }) =>
        row.original.customer ? (
          <span>{row.original.customer.name}</span>
        ) : (
          <span className="text-muted-foreground">Walk-in</span>
        ),
    },
    {
      id: "staff",
      header: "Staff",
      meta: { label: "Staff" },
      cell: ({ row }) => row.original.staff.name,
    },
    {
      id: "paymentMethod",
      header: "Payment",
      meta: { label: "Payment" },
      cell: ({ row }) => PAYMENT_METHOD_LABELS[row.original.paymentMethod],
    },
    {
      id: "status",
      header: "Status",
      meta: { label: "Status" },
      cell: ({ row }) => <TransactionStatusBadge status={row.original.status} />,
    },
    {
      id: "lineCount",
      header: "Lines",
      meta: { label: "Lines", className: "text-right" },
      cell: ({ row }) => <span className="tabular-nums">{row.original.lineCount}</span>,
    },
    {
      id: "total",
      header: "Total",
      meta: { label: "Total", className: "text-right" },
      enableHiding: false,
      cell: ({ row }) => {
        const t = row.original;
        return (
          <span className="tabular-nums">
            <span className={t.status === "voided" ? "text-muted-foreground line-through" : "font-medium"}>
              {formatMoney(t.total, t.currency)}
            </span>
            {t.refundedAmount ? (
              <span className="block text-xs text-warning">−{formatMoney(t.refundedAmount, t.currency)} refunded</span>
            ) : null}
          </span>
        );
      },
    },
  ];
}
