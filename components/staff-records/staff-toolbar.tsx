"use client";
// Search and the status filter of the staff table. A plain GET form, so it works before
// JavaScript loads (Enter or "Apply"); with JavaScript the search updates the URL after a short
// pause and the filter at once, through the table's useQueryParams (which returns to page one).
import Link from "next/link";
import { Search, X } from "lucide-react";
import { useEffect, useRef, useState, useSyncExternalStore, type FormEvent, type ReactNode } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { QueryParams } from "@/components/ui/data-table/use-query-params";
import { STAFF_FILTER_KEYS } from "@/lib/validations/staff-list-query";

const SEARCH_DELAY_MS = 300;
const noop = () => () => {};

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
  const hydrated = useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
  const [q, setQ] = useState(filters.q);
  // Follow the URL's search when it changes to something this box did not send (Clear, Back).
  const [sent, setSent] = useState(filters.q);
  const [urlQ, setUrlQ] = useState(filters.q);
  if (urlQ !== filters.q) {
    setUrlQ(filters.q);
    if (filters.q !== sent) {
      setQ(filters.q);
      setSent(filters.q);
    }
  }
  const [status, setStatus] = useState(filters.status);
  const [urlStatus, setUrlStatus] = useState(filters.status);
  if (urlStatus !== filters.status) {
    setUrlStatus(filters.status);
    setStatus(filters.status);
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
    params.set(Object.fromEntries(["q", ...STAFF_FILTER_KEYS].map((k) => [k, String(data.get(k) ?? "").trim()])));
  };
  const active = Boolean(filters.q || filters.status);
  const sort = params.searchParams.get("sort");
  const limit = params.searchParams.get("limit");

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
            name="q"
            type="search"
            value={q}
            onChange={(e) => onSearch(e.target.value)}
            placeholder="Search name, email or employee no."
            className="pl-9"
            autoComplete="off"
          />
        </div>
        <Select
          label="Account status"
          hideLabel
          name="status"
          placeholder="Any status"
          value={status}
          onChange={(e) => {
            setStatus(e.target.value);
            params.set({ status: e.target.value });
          }}
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
          <Link
            href="/records/staff"
            onClick={(e) => {
              e.preventDefault();
              clearTimeout(timer.current);
              setQ("");
              setSent("");
              params.del(["q", ...STAFF_FILTER_KEYS]);
            }}
            className={buttonClasses("ghost", "md", "text-muted-foreground")}
          >
            <X className="size-4" aria-hidden="true" />
            Clear
          </Link>
        ) : null}
        <div className="ml-auto shrink-0">{columnsMenu}</div>
      </div>
    </form>
  );
}
