"use client";
// Search and filters of the customers table. A plain GET form, so it works before JavaScript loads
// (Enter or "Apply"); with JavaScript each change updates the URL at once (the search after a short
// pause) through the table's useQueryParams, which also returns to the first page.
import Link from "next/link";
import { Search, X } from "lucide-react";
import { useEffect, useRef, useState, useSyncExternalStore, type FormEvent, type ReactNode } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { QueryParams } from "@/components/ui/data-table/use-query-params";
import { CUSTOMER_FILTER_KEYS } from "@/lib/validations/customer-list-query";

const SEARCH_DELAY_MS = 300;
const noop = () => () => {};

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
  const hydrated = useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
  const [q, setQ] = useState(filters.q);
  // What this box last sent: when the URL's search changes to something else (Clear filters,
  // Back), the box follows; its own echo must not overwrite what was typed since.
  const [sent, setSent] = useState(filters.q);
  const [urlQ, setUrlQ] = useState(filters.q);
  if (urlQ !== filters.q) {
    setUrlQ(filters.q);
    if (filters.q !== sent) {
      setQ(filters.q);
      setSent(filters.q);
    }
  }
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const onSearch = (value: string) => {
    setQ(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      setSent(value.trim());
      params.set({ q: value.trim() || null }, { push: false });
    }, SEARCH_DELAY_MS);
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    clearTimeout(timer.current);
    const data = new FormData(event.currentTarget);
    setSent(String(data.get("q") ?? "").trim());
    params.set(Object.fromEntries(["q", ...CUSTOMER_FILTER_KEYS].map((k) => [k, String(data.get(k) ?? "").trim()])));
  };
  const [chosen, setChosen] = useState(filters);
  const [urlFilters, setUrlFilters] = useState(filters);
  if (JSON.stringify(urlFilters) !== JSON.stringify(filters)) {
    setUrlFilters(filters);
    setChosen(filters);
  }
  const filter = (key: "tag" | "archived") => ({
    name: key,
    value: chosen[key],
    onChange: (e: { target: { value: string } }) => {
      setChosen({ ...chosen, [key]: e.target.value });
      params.set({ [key]: e.target.value });
    },
  });
  const active = Object.values(filters).some(Boolean);
  const sort = params.searchParams.get("sort");
  const limit = params.searchParams.get("limit");
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
            name="q"
            type="search"
            value={q}
            onChange={(e) => onSearch(e.target.value)}
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
            onClick={(e) => {
              e.preventDefault();
              clearTimeout(timer.current);
              setQ("");
              setSent("");
              params.del(["q", ...CUSTOMER_FILTER_KEYS]);
            }}
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
