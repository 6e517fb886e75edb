import type { Metadata } from "next";
import { CustomersPageActions } from "@/components/customers/customers-page-actions";
import { CustomersTable } from "@/components/customers/customers-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/require-page-viewer";
import { listCustomers, listCustomerTags } from "@/lib/data/customers/list-customers";
import { can } from "@/lib/rbac/can";
import { formatSort } from "@/lib/validations/list-query";
import { DEFAULT_CUSTOMER_SORT, parseCustomerListQuery } from "@/lib/validations/customer-list-query";

export const metadata: Metadata = { title: "Customers" };

export default async function CustomersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requirePagePermission("customers.read");
  const query = parseCustomerListQuery(await searchParams);
  const [page, tags] = await Promise.all([listCustomers(viewer, query, { count: true }), listCustomerTags(viewer)]);
  const canWrite = can(viewer, "customers.write");
  // The export takes the table's filter and sort, never its page: every matching row.
  const exportParams = new URLSearchParams();
  if (query.q) exportParams.set("q", query.q);
  if (query.tag) exportParams.set("tag", query.tag);
  if (query.archived) exportParams.set("archived", query.archived);
  if (formatSort(query.sort) !== formatSort(DEFAULT_CUSTOMER_SORT)) exportParams.set("sort", formatSort(query.sort));
  const exportHref = `/api/v1/customers/export${exportParams.size ? `?${exportParams}` : ""}`;
  return (
    <>
      <PageHeader
        title="Customers"
        description="Everyone you sell to. Open a customer for their purchases and notes."
        actions={<CustomersPageActions exportHref={exportHref} canWrite={canWrite} />}
      />
      <CustomersTable
        page={page}
        limit={query.limit}
        sort={query.sort}
        filters={{ q: query.q ?? "", tag: query.tag ?? "", archived: query.archived ?? "" }}
        tags={tags}
        canWrite={canWrite}
        now={new Date().toISOString()}
      />
    </>
  );
}
