"use client";
// Search and filters of the products table. A plain GET form, so it works before JavaScript loads
// (Enter or "Apply"); with JavaScript each change updates the URL at once (the search after a short
// pause) through the table's useQueryParams, which also returns to the first page.
import Link from "next/link";
import { Search, X } from "lucide-react";
import type { ReactNode } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { QueryParams } from "@/components/ui/data-table/use-query-params";
import { useFilterForm } from "@/components/ui/data-table/use-filter-form";
import { PRODUCT_FILTER_KEYS } from "@/lib/validations/product-list-query";

export type ProductFilterValues = { q: string; active: string; archived: string; low_stock: string };

export function ProductsToolbar({
  params,
  filters,
  columnsMenu,
}: {
  params: QueryParams;
  filters: ProductFilterValues;
  columnsMenu?: ReactNode;
}) {
  const { hydrated, search, filter, onSubmit, clear, active, sort, limit } = useFilterForm(
    params,
    filters,
    PRODUCT_FILTER_KEYS,
  );

  return (
    <form method="get" action="/records/products" role="search" aria-label="Filter products" onSubmit={onSubmit}>
      {sort ? <input type="hidden" name="sort" value={sort} /> : null}
      {limit ? <input type="hidden" name="limit" value={limit} /> : null}
      <div className="flex flex-wrap items-center gap-2">
        <div className="relative min-w-0 flex-1 basis-full sm:max-w-xs sm:basis-auto">
          <label htmlFor="product-search" className="sr-only">
            Search products
          </label>
          <Search
            aria-hidden="true"
            className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-muted-foreground"
          />
          <Input
            id="product-search"
            type="search"
            {...search}
            placeholder="Search SKU or name"
            className="pl-9"
            autoComplete="off"
          />
        </div>
        <Select
          label="For sale"
          hideLabel
          placeholder="For sale or not"
          options={[
            { value: "yes", label: "For sale" },
            { value: "no", label: "Inactive" },
          ]}
          wrapperClassName="w-[calc(50%-0.25rem)] sm:w-40"
          {...filter("active")}
        />
        <Select
          label="Stock"
          hideLabel
          placeholder="Any stock level"
          options={[{ value: "yes", label: "Low stock only" }]}
          wrapperClassName="w-[calc(50%-0.25rem)] sm:w-40"
          {...filter("low_stock")}
        />
        <Select
          label="Archived"
          hideLabel
          placeholder="Not archived"
          options={[
            { value: "yes", label: "Archived only" },
            { value: "all", label: "Archived and not" },
          ]}
          wrapperClassName="w-[calc(50%-0.25rem)] sm:w-44"
          {...filter("archived")}
        />
        {hydrated ? null : (
          <Button type="submit" variant="secondary">
            Apply
          </Button>
        )}
        {active ? (
          <Link
            href="/records/products"
            onClick={clear}
            className={buttonClasses("ghost", "md", "text-muted-foreground")}
          >
            <X className="size-4" aria-hidden="true" />
            Clear filters
          </Link>
        ) : null}
        <div className="ml-auto shrink-0">{columnsMenu}</div>
      </div>
    </form>
  );
}
