import type { Metadata } from "next";
import Link from "next/link";
import { Plus } from "lucide-react";
import { TransactionsTable } from "@/components/transactions/transactions-table";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/require-page-viewer";
import { listSaleStaff } from "@/lib/data/transactions/list-sale-staff";
import { listTransactions } from "@/lib/data/transactions/list-transactions";
import { can } from "@/lib/rbac/can";
import { parseTransactionListQuery } from "@/lib/validations/transaction-list-query";

export const metadata: Metadata = { title: "Transactions" };

type Params = Record<string, string | string[] | undefined>;

function exportHref(params: Params): string {
  const search = new URLSearchParams();
  for (const key of ["q", "sort", "customer_id", "staff_id", "from", "to", "status", "payment_method"]) {
    const value = params[key];
    if (typeof value === "string" && value) search.set(key, value);
  }
  const text = search.toString();
  return `/api/v1/transactions/export${text ? `?${text}` : ""}`;
}

export default async function TransactionsPage({ searchParams }: { searchParams: Promise<Params> }) {
  const viewer = await requirePagePermission("transactions.read");
  const params = await searchParams;
  const query = parseTransactionListQuery(params);
  const [page, staff] = await Promise.all([listTransactions(viewer, query, { count: true }), listSaleStaff(viewer)]);
  const canSell = can(viewer, "transactions.write");
  const raw = (d: { at: Date } | undefined) => (d ? d.at.toISOString().slice(0, 10) : "");
  return (
    <>
      <PageHeader
        title="Transactions"
        description="Every sale with its receipt: search by receipt number, filter by status, payment, staff or date."
        actions={
          canSell ? (
            <Link href="/records/transactions/new" className={buttonClasses("primary", "md")}>
              <Plus className="size-4" aria-hidden="true" />
              New sale
            </Link>
          ) : null
        }
      />
      <TransactionsTable
        page={page}
        limit={query.limit}
        sort={query.sort}
        filters={{
          q: query.q ?? "",
          status: query.status ?? "",
          payment_method: query.payment_method ?? "",
          staff_id: query.staff_id ?? "",
          customer_id: query.customer_id ?? "",
          from: raw(query.from),
          to: raw(query.to),
        }}
        staff={staff}
        canSell={canSell}
        exportHref={exportHref(params)}
      />
    </>
  );
}
