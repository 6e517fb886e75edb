"use client";
// Search and filters of the customers table. A plain GET form, so it works before JavaScript loads
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
import { CUSTOMER_FILTER_KEYS } from "@/lib/validations/customer-list-query";

export type CustomerFilterValues = { q: string; tag: string; archived: string };

export function CustomersToolbar({
  params,
  filters,
  tags,
  columnsMenu,
}: {
  params: QueryParams;
  filters: CustomerFilterValues;
  tags: readonly string[];
  columnsMenu?: ReactNode;
}) {
  const { hydrated, search, filter, onSubmit, clear, active, sort, limit } = useFilterForm(
    params,
    filters,
    CUSTOMER_FILTER_KEYS,
  );
  // A tag in the URL that no customer has any more still shows as chosen.
  const tagOptions = [...new Set([...tags, ...(filters.tag ? [filters.tag] : [])])];

  return (
    <form method="get" action="/records/customers" role="search" aria-label="Filter customers" onSubmit={onSubmit}>
      {sort ? <input type="hidden" name="sort" value={sort} /> : null}
      {limit ? <input type="hidden" name="limit" value={limit} /> : null}
      <div className="flex flex-wrap items-center gap-2">
        <div className="relative min-w-0 flex-1 basis-full sm:max-w-sm sm:basis-auto">
          <label htmlFor="customer-search" className="sr-only">
            Search customers
          </label>
          <Search
            aria-hidden="true"
            className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-muted-foreground"
          />
          <Input
            id="customer-search"
            type="search"
            {...search}
            placeholder="Search name, email or phone"
            className="pl-9"
            autoComplete="off"
          />
        </div>
        <Select
          label="Tag"
          hideLabel
          placeholder="All tags"
          options={tagOptions.map((t) => ({ value: t, label: t }))}
          wrapperClassName="w-[calc(50%-0.25rem)] sm:w-40"
          {...filter("tag")}
        />
        <Select
          label="Archived"
          hideLabel
          placeholder="Active customers"
          options={[
            { value: "archived", label: "Archived only" },
            { value: "all", label: "Active and archived" },
          ]}
          wrapperClassName="w-[calc(50%-0.25rem)] sm:w-48"
          {...filter("archived")}
        />
        {hydrated ? null : (
          <Button type="submit" variant="secondary">
            Apply
          </Button>
        )}
        {active ? (
          <Link
            href="/records/customers"
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
