"use client";
// The products table on the data-table kit: search (SKU or name) and filters (for sale, low stock,
// archived), sortable columns (name, SKU, price, stock, added), keyset pagination, column
// visibility, and (for products.write) each row's actions.
import Link from "next/link";
import { Package, SearchX } from "lucide-react";
import { useMemo, type ReactNode } from "react";
import { buttonClasses } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table/data-table";
import { useDataTable } from "@/components/ui/data-table/use-data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { productColumns } from "@/components/products/product-columns";
import { ProductsToolbar, type ProductFilterValues } from "@/components/products/products-toolbar";
import type { ProductListPage } from "@/lib/data/products/list-products";
import type { SortSpec } from "@/lib/validations/list-query";
import { DEFAULT_PRODUCT_SORT, PRODUCT_FILTER_KEYS, PRODUCT_SORT_KEYS } from "@/lib/validations/product-list-query";

const HIDDEN_BY_DEFAULT = ["unitCost", "taxRate", "createdAt"] as const;

export function ProductsTable({
  page,
  limit,
  sort,
  filters,
  canWrite,
  emptyAction,
}: {
  page: ProductListPage;
  limit: number;
  sort: SortSpec;
  filters: ProductFilterValues;
  canWrite: boolean;
  /** What the "no products yet" state offers (create, import). */
  emptyAction?: ReactNode;
}) {
  const columns = useMemo(() => productColumns({ canWrite }), [canWrite]);
  const dt = useDataTable({
    id: "records-products",
    data: page.items,
    columns,
    getRowId: (p) => p.id,
    sort,
    sortKeys: PRODUCT_SORT_KEYS,
    defaultSort: DEFAULT_PRODUCT_SORT,
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
      title="No products match"
      description={
        filters.q
          ? `No product matches “${filters.q}” with these filters. Try another SKU or fewer filters.`
          : "No product matches these filters."
      }
      action={
        <Link
          href="/records/products"
          onClick={(e) => {
            e.preventDefault();
            dt.params.del(["q", ...PRODUCT_FILTER_KEYS]);
          }}
          className={buttonClasses("secondary", "md")}
        >
          Clear filters
        </Link>
      }
    />
  ) : (
    <EmptyState
      icon={Package}
      title="No products yet"
      description={
        canWrite
          ? "Add your first product, or import your catalogue from a CSV file."
          : "Products appear here once someone adds them."
      }
      action={canWrite ? emptyAction : undefined}
    />
  );

  return (
    <DataTable
      dt={dt}
      label="Products"
      rowTestId="product-row"
      noun={{ one: "product", many: "products" }}
      toolbar={({ columnsMenu }) => <ProductsToolbar params={dt.params} filters={filters} columnsMenu={columnsMenu} />}
      empty={empty}
    />
  );
}
