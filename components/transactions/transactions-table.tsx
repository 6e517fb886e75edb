"use client";
// The transactions table on the data-table kit: receipt-number search, filters, sortable
// columns (receipt, time, total), keyset pagination; each row opens the receipt.
import Link from "next/link";
import { Receipt, SearchX } from "lucide-react";
import { useMemo } from "react";
import { buttonClasses } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table/data-table";
import { useDataTable } from "@/components/ui/data-table/use-data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { transactionColumns } from "@/components/transactions/transaction-columns";
import { TransactionsToolbar, type TransactionFilterValues } from "@/components/transactions/transactions-toolbar";
import type { TransactionListPage } from "@/lib/data/transactions/list-transactions";
import type { SortSpec } from "@/lib/validations/list-query";
import {
  DEFAULT_TRANSACTION_SORT,
  TRANSACTION_FILTER_KEYS,
  TRANSACTION_SORT_KEYS,
} from "@/lib/validations/transaction-list-query";

const HIDDEN_BY_DEFAULT = ["lineCount"] as const;

export function TransactionsTable({
  page,
  limit,
  sort,
  filters,
  staff,
  canSell,
  exportHref,
}: {
  page: TransactionListPage;
  limit: number;
  sort: SortSpec;
  filters: TransactionFilterValues;
  staff: readonly { id: string; name: string }[];
  canSell: boolean;
  exportHref?: string;
}) {
  const columns = useMemo(() => transactionColumns(), []);
  const dt = useDataTable({
    id: "transactions",
    data: page.items,
    columns,
    getRowId: (t) => t.id,
    getRowLabel: (t) => `Receipt #${t.number}`,
    sort,
    sortKeys: TRANSACTION_SORT_KEYS,
    defaultSort: DEFAULT_TRANSACTION_SORT,
    page: {
      start: page.start ?? 0,
      total: page.total ?? 0,
      limit,
      nextCursor: page.nextCursor,
      prevCursor: page.prevCursor,
    },
    hiddenByDefault: HIDDEN_BY_DEFAULT,
  });
  const filtered = Object.values(filters).some(Boolean);
  const empty = filtered ? (
    <EmptyState
      icon={SearchX}
      title="No transactions match"
      description={
        filters.q ? `No receipt numbered “${filters.q}” with these filters.` : "No sale matches these filters."
      }
      action={
        <Link
          href="/records/transactions"
          onClick={(e) => {
            e.preventDefault();
            dt.params.del(["q", ...TRANSACTION_FILTER_KEYS]);
          }}
          className={buttonClasses("secondary", "md")}
        >
          Clear filters
        </Link>
      }
    />
  ) : (
    <EmptyState
      icon={Receipt}
      title="No sales yet"
      description="Sales appear here as soon as they are recorded."
      action={
        canSell ? (
          <Link href="/records/transactions/new" className={buttonClasses("primary", "md")}>
            New sale
          </Link>
        ) : undefined
      }
    />
  );
  return (
    <DataTable
      dt={dt}
      label="Transactions"
      rowTestId="transaction-row"
      noun={{ one: "transaction", many: "transactions" }}
      toolbar={({ columnsMenu }) => (
        <TransactionsToolbar
          params={dt.params}
          filters={filters}
          staff={staff}
          columnsMenu={columnsMenu}
          exportHref={exportHref}
        />
      )}
      empty={empty}
      getRowHref={(t) => `/records/transactions/${t.id}`}
    />
  );
}
