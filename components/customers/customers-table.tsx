"use client";
// The customers table on the data-table kit: search and filters (tag, archived), sortable columns,
// keyset pagination, column visibility, and (for customers.write) each row's actions. A row opens
// the customer's page.
import Link from "next/link";
import { SearchX, Users } from "lucide-react";
import { useMemo } from "react";
import { buttonClasses } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table/data-table";
import { useDataTable } from "@/components/ui/data-table/use-data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { customerColumns } from "@/components/customers/customer-columns";
import { CustomersToolbar, type CustomerFilterValues } from "@/components/customers/customers-toolbar";
import type { CustomerListPage } from "@/lib/data/customers/list-customers";
import type { SortSpec } from "@/lib/validations/list-query";
import { CUSTOMER_FILTER_KEYS, CUSTOMER_SORT_KEYS, DEFAULT_CUSTOMER_SORT } from "@/lib/validations/customer-list-query";

const HIDDEN_BY_DEFAULT = ["createdAt"] as const;

export function CustomersTable({
  page,
  limit,
  sort,
  filters,
  tags,
  canWrite,
  now,
}: {
  page: CustomerListPage;
  limit: number;
  sort: SortSpec;
  filters: CustomerFilterValues;
  tags: readonly string[];
  canWrite: boolean;
  /** The server's clock at render (ISO), for relative times. */
  now: string;
}) {
  const columns = useMemo(() => customerColumns({ now: new Date(now), canWrite }), [now, canWrite]);
  const dt = useDataTable({
    id: "records-customers",
    data: page.items,
    columns,
    getRowId: (c) => c.id,
    sort,
    sortKeys: CUSTOMER_SORT_KEYS,
    defaultSort: DEFAULT_CUSTOMER_SORT,
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
      title="No customers match"
      description={
        filters.q
          ? `No customer matches “${filters.q}” with these filters. Try another spelling or fewer filters.`
          : "No customer matches these filters."
      }
      action={
        <Link
          href="/records/customers"
          onClick={(e) => {
            e.preventDefault();
            dt.params.del(["q", ...CUSTOMER_FILTER_KEYS]);
          }}
          className={buttonClasses("secondary", "md")}
        >
          Clear filters
        </Link>
      }
    />
  ) : (
    <EmptyState
      icon={Users}
      title="No customers yet"
      description={
        canWrite
          ? "Add your first customer with “New customer”, or import a spreadsheet of them with “Import CSV”."
          : "Customers appear here once someone adds them."
      }
    />
  );

  return (
    <DataTable
      dt={dt}
      label="Customers"
      rowTestId="customer-row"
      noun={{ one: "customer", many: "customers" }}
      toolbar={({ columnsMenu }) => (
        <CustomersToolbar params={dt.params} filters={filters} tags={tags} columnsMenu={columnsMenu} />
      )}
      empty={empty}
      getRowHref={(c) => `/records/customers/${c.id}`}
    />
  );
}
