"use client";
// The state of a table's search-and-filter form (users, customers, products, staff…): a plain GET
// form, so it works before JavaScript loads (Enter or "Apply"), and with JavaScript each change
// updates the URL at once (the search after a short pause) through the table's useQueryParams,
// which also returns to the first page. The search box and the selects show what was typed or
// chosen at once, while the table loads, and follow the URL when it changes (Clear filters, Back).
import { useEffect, useRef, useState, useSyncExternalStore, type FormEvent, type MouseEvent } from "react";
import type { QueryParams } from "@/components/ui/data-table/use-query-params";

const SEARCH_DELAY_MS = 300;
const noop = () => () => {};

export function useFilterForm<F extends { q: string } & Record<string, string>>(
  params: QueryParams,
  filters: F,
  filterKeys: readonly string[],
) {
  const hydrated = useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
  const [q, setQ] = useState(filters.q);
  // What this box last sent to the URL: when the URL's search changes to something else, the box
  // follows; its own echo must not overwrite what was typed since.
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

  const [chosen, setChosen] = useState(filters);
  const [urlFilters, setUrlFilters] = useState(filters);
  if (JSON.stringify(urlFilters) !== JSON.stringify(filters)) {
    setUrlFilters(filters);
    setChosen(filters);
  }

  return {
    /** False until JavaScript runs: show the "Apply" button then. */
    hydrated,
    /** Props of the search input. */
    search: {
      name: "q",
      value: q,
      onChange: (e: { target: { value: string } }) => {
        const value = e.target.value;
        setQ(value);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => {
          setSent(value.trim());
          params.set({ q: value.trim() || null }, { push: false });
        }, SEARCH_DELAY_MS);
      },
    },
    /** Props of one filter's select. */
    filter: (key: Exclude<keyof F, "q"> & string) => ({
      name: key,
      value: chosen[key] ?? "",
      onChange: (e: { target: { value: string } }) => {
        setChosen({ ...chosen, [key]: e.target.value });
        params.set({ [key]: e.target.value });
      },
    }),
    onSubmit: (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      clearTimeout(timer.current);
      const data = new FormData(event.currentTarget);
      setSent(String(data.get("q") ?? "").trim());
      params.set(Object.fromEntries(["q", ...filterKeys].map((k) => [k, String(data.get(k) ?? "").trim()])));
    },
    /** onClick of the "Clear filters" link (whose href is the bare page, for before JavaScript). */
    clear: (event: MouseEvent) => {
      event.preventDefault();
      clearTimeout(timer.current);
      setQ("");
      setSent("");
      params.del(["q", ...filterKeys]);
    },
    active: Object.values(filters).some(Boolean),
    /** The table state the form carries along as hidden fields. */
    sort: params.searchParams.get("sort"),
    limit: params.searchParams.get("limit"),
  };
}
