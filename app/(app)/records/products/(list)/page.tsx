import type { Metadata } from "next";
import { ProductsPageActions } from "@/components/products/products-page-actions";
import { ProductsTable } from "@/components/products/products-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/require-page-viewer";
import { listProducts } from "@/lib/data/products/list-products";
import { can } from "@/lib/rbac/can";
import { formatSort } from "@/lib/validations/list-query";
import { DEFAULT_PRODUCT_SORT, PRODUCT_FILTER_KEYS, parseProductListQuery } from "@/lib/validations/product-list-query";

export const metadata: Metadata = { title: "Products" };

export default async function ProductsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requirePagePermission("products.read");
  const query = parseProductListQuery(await searchParams);
  const page = await listProducts(viewer, query, { count: true });
  const canWrite = can(viewer, "products.write");
  // The export takes the table's filter and sort, never its page: every matching row.
  const exportParams = new URLSearchParams();
  if (query.q) exportParams.set("q", query.q);
  for (const key of PRODUCT_FILTER_KEYS) if (query[key]) exportParams.set(key, query[key]);
  if (formatSort(query.sort) !== formatSort(DEFAULT_PRODUCT_SORT)) exportParams.set("sort", formatSort(query.sort));
  const exportHref = `/api/v1/products/export${exportParams.size ? `?${exportParams}` : ""}`;
  return (
    <>
      <PageHeader
        title="Products"
        description="Your catalogue: prices, tax rates and stock. Low stock is flagged against each product's threshold."
        actions={<ProductsPageActions exportHref={exportHref} canWrite={canWrite} />}
      />
      <ProductsTable
        page={page}
        limit={query.limit}
        sort={query.sort}
        filters={{
          q: query.q ?? "",
          active: query.active ?? "",
          archived: query.archived ?? "",
          low_stock: query.low_stock ?? "",
        }}
        canWrite={canWrite}
      />
    </>
  );
}
