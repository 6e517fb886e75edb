"use client";
// A table's state lives in the URL (shareable, survives reload, works with Back). One small hook
// reads and writes it: `set({ status: "banned" })`, `del("status")`. Navigation runs in a React
// transition, so `isPending` is the table's loading state while the server renders the next page.
// Changing anything but the cursor (sort, a filter, the page size, the search) drops the cursor:
// the new result starts at its first page.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useTransition } from "react";

export type QueryValues = Record<string, string | number | null | undefined>;

export type QueryParams = {
  searchParams: URLSearchParams;
  /** The URL with `values` applied (for links that also work without JavaScript). */
  href: (values: QueryValues) => string;
  /** Apply `values` (null, undefined or "" removes a key). */
  set: (values: QueryValues, options?: { push?: boolean }) => void;
  del: (keys: string | readonly string[]) => void;
  /** Navigate to a URL built with `href` inside the same transition. */
  go: (href: string, options?: { push?: boolean }) => void;
  isPending: boolean;
};

export const CURSOR_PARAM = "cursor";

export function applyQueryValues(current: URLSearchParams, values: QueryValues): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const [key, value] of Object.entries(values)) {
    if (value === null || value === undefined || value === "") next.delete(key);
    else next.set(key, String(value));
  }
  if (!(CURSOR_PARAM in values)) next.delete(CURSOR_PARAM);
  return next;
}

export function useQueryParams(): QueryParams {
  const router = useRouter();
  const pathname = usePathname();
  const current = useSearchParams();
  const [isPending, startTransition] = useTransition();
  const searchParams = new URLSearchParams(current.toString());

  const toHref = useCallback(
    (params: URLSearchParams) => {
      const query = params.toString();
      return query ? `${pathname}?${query}` : pathname;
    },
    [pathname],
  );

  const go = useCallback(
    (href: string, options?: { push?: boolean }) =>
      startTransition(() => {
        if (options?.push === false) router.replace(href, { scroll: false });
        else router.push(href, { scroll: false });
      }),
    [router],
  );

  const href = (values: QueryValues) => toHref(applyQueryValues(searchParams, values));
  const set = (values: QueryValues, options?: { push?: boolean }) => go(href(values), options);
  const del = (keys: string | readonly string[]) =>
    set(Object.fromEntries((typeof keys === "string" ? [keys] : keys).map((k) => [k, null])));

  return { searchParams, href, set, del, go, isPending };
}
