"use client";
// Search (receipt number) and filters of the transactions table: status, payment method, staff
// member and a date range. A plain GET form, so it works before JavaScript loads; with JavaScript
// each change updates the URL at once (the search after a short pause), which returns to page one.
import Link from "next/link";
import { Search, X } from "lucide-react";
import { useEffect, useRef, useState, useSyncExternalStore, type FormEvent, type ReactNode } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { QueryParams } from "@/components/ui/data-table/use-query-params";
import {
  PAYMENT_METHOD_LABELS,
  PAYMENT_METHODS,
  TRANSACTION_STATUS_LABELS,
  TRANSACTION_STATUSES,
} from "@/lib/validations/transaction";
import { TRANSACTION_FILTER_KEYS } from "@/lib/validations/transaction-list-query";

const SEARCH_DELAY_MS = 300;
const noop = () => () => {};

export type TransactionFilterValues = {
  q: string;
  status: string;
  payment_method: string;
  staff_id: string;
  customer_id: string;
  from: string;
  to: string;
};

export function TransactionsToolbar({
  params,
  filters,
  staff,
  columnsMenu,
  exportHref,
}: {
  params: QueryParams;
  filters: TransactionFilterValues;
  staff: readonly { id: string; name: string }[];
  columnsMenu?: ReactNode;
  exportHref?: string;
}) {
  const hydrated = useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
  const [q, setQ] = useState(filters.q);
  const [urlQ, setUrlQ] = useState(filters.q);
  if (urlQ !== filters.q) {
    setUrlQ(filters.q);
    setQ(filters.q);
  }
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const onSearch = (value: string) => {
    setQ(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => params.set({ q: value.trim() || null }, { push: false }), SEARCH_DELAY_MS);
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    clearTimeout(timer.current);
    const data = new FormData(event.currentTarget);
    params.set(Object.fromEntries(["q", ...TRANSACTION_FILTER_KEYS].map((k) => [k, String(data.get(k) ?? "").trim()])));
  };
  const [chosen, setChosen] = useState(filters);
  const [urlFilters, setUrlFilters] = useState(filters);
  if (JSON.stringify(urlFilters) !== JSON.stringify(filters)) {
    setUrlFilters(filters);
    setChosen(filters);
  }
  const filter = (key: Exclude<keyof TransactionFilterValues, "q">) => ({
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

  return (
    <form
      method="get"
      action="/records/transactions"
      role="search"
      aria-label="Filter transactions"
      onSubmit={onSubmit}
    >
      {sort ? <input type="hidden" name="sort" value={sort} /> : null}
      {limit ? <input type="hidden" name="limit" value={limit} /> : null}
      {filters.customer_id ? <input type="hidden" name="customer_id" value={filters.customer_id} /> : null}
      <div className="flex items-center gap-2">
        <div className="relative min-w-0 flex-1 sm:max-w-xs">
          <label htmlFor="transaction-search" className="sr-only">
            Search by receipt number
          </label>
          <Search
            aria-hidden="true"
            className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-muted-foreground"
          />
          <Input
            id="transaction-search"
            name="q"
            type="search"
            inputMode="numeric"
            value={q}
            onChange={(e) => onSearch(e.target.value)}
            placeholder="Receipt number, e.g. 1042"
            className="pl-9"
            autoComplete="off"
          />
        </div>
        <div className="ml-auto flex shrink-0 items-center gap-2">
          {exportHref ? (
            <a href={exportHref} className={buttonClasses("secondary", "md")} download>
              Export CSV
            </a>
          ) : null}
          {columnsMenu}
        </div>
      </div>
      <div className="mt-2 flex flex-wrap items-end gap-2">
        <Select
          label="Status"
          hideLabel
          placeholder="Any status"
          options={TRANSACTION_STATUSES.map((s) => ({ value: s, label: TRANSACTION_STATUS_LABELS[s] }))}
          wrapperClassName="w-[calc(50%-0.25rem)] sm:w-40"
          {...filter("status")}
        />
        <Select
          label="Payment method"
          hideLabel
          placeholder="Any payment"
          options={PAYMENT_METHODS.map((m) => ({ value: m, label: PAYMENT_METHOD_LABELS[m] }))}
          wrapperClassName="w-[calc(50%-0.25rem)] sm:w-40"
          {...filter("payment_method")}
        />
        <Select
          label="Staff member"
          hideLabel
          placeholder="Any staff"
          options={staff.map((s) => ({ value: s.id, label: s.name }))}
          wrapperClassName="w-full sm:w-44"
          {...filter("staff_id")}
        />
        <div className="flex w-full items-center gap-2 sm:w-auto">
          <label htmlFor="transaction-from" className="text-sm text-muted-foreground">
            From
          </label>
          <Input id="transaction-from" type="date" className="w-full sm:w-40" {...filter("from")} />
          <label htmlFor="transaction-to" className="text-sm text-muted-foreground">
            to
          </label>
          <Input id="transaction-to" type="date" className="w-full sm:w-40" {...filter("to")} />
        </div>
        {hydrated ? null : (
          <Button type="submit" variant="secondary">
            Apply
          </Button>
        )}
        {active ? (
          <Link
            href="/records/transactions"
            onClick={(e) => {
              e.preventDefault();
              clearTimeout(timer.current);
              setQ("");
              params.del(["q", ...TRANSACTION_FILTER_KEYS]);
            }}
            className={buttonClasses("ghost", "md", "text-muted-foreground")}
          >
            <X className="size-4" aria-hidden="true" />
            Clear filters
          </Link>
        ) : null}
      </div>
    </form>
  );
}
