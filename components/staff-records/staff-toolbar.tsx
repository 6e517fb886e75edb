"use client";
// Search and the status filter of the staff table. A plain GET form, so it works before
// JavaScript loads (Enter or "Apply"); with JavaScript the search updates the URL after a short
// pause and the filter at once, through the table's useQueryParams (which returns to page one).
import Link from "next/link";
import { Search, X } from "lucide-react";
import type { ReactNode } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { QueryParams } from "@/components/ui/data-table/use-query-params";
import { useFilterForm } from "@/components/ui/data-table/use-filter-form";
import { STAFF_FILTER_KEYS } from "@/lib/validations/staff-list-query";

export type StaffFilterValues = { q: string; status: string };

export function StaffToolbar({
  params,
  filters,
  columnsMenu,
}: {
  params: QueryParams;
  filters: StaffFilterValues;
  columnsMenu?: ReactNode;
}) {
  const { hydrated, search, filter, onSubmit, clear, active, sort, limit } = useFilterForm(
    params,
    filters,
    STAFF_FILTER_KEYS,
  );

  return (
    <form method="get" action="/records/staff" role="search" aria-label="Filter staff" onSubmit={onSubmit}>
      {sort ? <input type="hidden" name="sort" value={sort} /> : null}
      {limit ? <input type="hidden" name="limit" value={limit} /> : null}
      <div className="flex flex-wrap items-center gap-2">
        <div className="relative min-w-0 flex-1 basis-56 sm:max-w-sm">
          <label htmlFor="staff-search" className="sr-only">
            Search staff
          </label>
          <Search
            aria-hidden="true"
            className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-muted-foreground"
          />
          <Input
            id="staff-search"
            type="search"
            {...search}
            placeholder="Search name, email or employee no."
            className="pl-9"
            autoComplete="off"
          />
        </div>
        <Select
          label="Account status"
          hideLabel
          placeholder="Any status"
          {...filter("status")}
          options={[
            { value: "active", label: "Active" },
            { value: "banned", label: "Banned" },
          ]}
          wrapperClassName="w-36"
        />
        {hydrated ? null : (
          <Button type="submit" variant="secondary">
            Apply
          </Button>
        )}
        {active ? (
          <Link href="/records/staff" onClick={clear} className={buttonClasses("ghost", "md", "text-muted-foreground")}>
            <X className="size-4" aria-hidden="true" />
            Clear
          </Link>
        ) : null}
        <div className="ml-auto shrink-0">{columnsMenu}</div>
      </div>
    </form>
  );
}
