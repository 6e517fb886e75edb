"use client";
// Search and filters of the users table. A plain GET form, so it works before JavaScript loads
// (Enter or "Apply"); with JavaScript each change updates the URL at once (the search after a short
// pause) through the table's useQueryParams, which also returns to the first page.
import Link from "next/link";
import { Search, X } from "lucide-react";
import { useEffect, useRef, useState, useSyncExternalStore, type FormEvent, type ReactNode } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { QueryParams } from "@/components/ui/data-table/use-query-params";
import type { RoleOption } from "@/lib/data/roles/list-role-options";
import { USER_FILTER_KEYS } from "@/lib/validations/user-list-query";

const SEARCH_DELAY_MS = 300;
const noop = () => () => {};

export type UserFilterValues = {
  q: string;
  role: string;
  status: string;
  twoFactor: string;
  verified: string;
  pending: string;
};

export function UsersToolbar({
  params,
  filters,
  roles,
  columnsMenu,
}: {
  params: QueryParams;
  filters: UserFilterValues;
  roles: readonly RoleOption[];
  /** The table's "Columns" menu, placed at the end of the search row. */
  columnsMenu?: ReactNode;
}) {
  const hydrated = useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
  const [q, setQ] = useState(filters.q);
  // What this box last sent to the URL: when the URL's search changes to something else (Clear
  // filters, Back), the box follows; its own echo must not overwrite what was typed since.
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
    params.set(Object.fromEntries(["q", ...USER_FILTER_KEYS].map((k) => [k, String(data.get(k) ?? "").trim()])));
  };
  // The selects show a choice at once, while the table loads; they follow the URL when it changes.
  const [chosen, setChosen] = useState(filters);
  const [urlFilters, setUrlFilters] = useState(filters);
  if (JSON.stringify(urlFilters) !== JSON.stringify(filters)) {
    setUrlFilters(filters);
    setChosen(filters);
  }
  const filter = (key: Exclude<keyof UserFilterValues, "q">) => ({
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
    <form method="get" action="/admin/users" role="search" aria-label="Filter users" onSubmit={onSubmit}>
      {sort ? <input type="hidden" name="sort" value={sort} /> : null}
      {limit ? <input type="hidden" name="limit" value={limit} /> : null}
      <div className="flex items-center gap-2">
        <div className="relative min-w-0 flex-1 sm:max-w-sm">
          <label htmlFor="user-search" className="sr-only">
            Search users
          </label>
          <Search
            aria-hidden="true"
            className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-muted-foreground"
          />
          <Input
            id="user-search"
            name="q"
            type="search"
            value={q}
            onChange={(e) => onSearch(e.target.value)}
            placeholder="Search name, username or email"
            className="pl-9"
            autoComplete="off"
          />
        </div>
        <div className="ml-auto shrink-0">{columnsMenu}</div>
      </div>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <Select
          label="Role"
          hideLabel
          placeholder="All roles"
          options={roles.map((r) => ({ value: r.key, label: r.name }))}
          wrapperClassName="w-[calc(50%-0.25rem)] sm:w-36"
          {...filter("role")}
        />
        <Select
          label="Status"
          hideLabel
          placeholder="Any status"
          options={[
            { value: "active", label: "Active" },
            { value: "banned", label: "Banned" },
          ]}
          wrapperClassName="w-[calc(50%-0.25rem)] sm:w-32"
          {...filter("status")}
        />
        <Select
          label="Two-factor"
          hideLabel
          placeholder="Any 2FA"
          options={[
            { value: "on", label: "2FA on" },
            { value: "off", label: "2FA off" },
          ]}
          wrapperClassName="w-[calc(50%-0.25rem)] sm:w-32"
          {...filter("twoFactor")}
        />
        <Select
          label="Email verification"
          hideLabel
          placeholder="Any email"
          options={[
            { value: "yes", label: "Verified" },
            { value: "no", label: "Unverified" },
          ]}
          wrapperClassName="w-[calc(50%-0.25rem)] sm:w-32"
          {...filter("verified")}
        />
        <Select
          label="Staff applications"
          hideLabel
          placeholder="All accounts"
          options={[{ value: "yes", label: "Awaiting approval" }]}
          wrapperClassName="w-full sm:w-44"
          {...filter("pending")}
        />
        {hydrated ? null : (
          <Button type="submit" variant="secondary">
            Apply
          </Button>
        )}
        {active ? (
          <Link
            href="/admin/users"
            onClick={(e) => {
              e.preventDefault();
              clearTimeout(timer.current);
              setQ("");
              setSent("");
              params.del(["q", ...USER_FILTER_KEYS]);
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
