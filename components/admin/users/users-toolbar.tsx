"use client";
// Search and filters of the users table. A plain GET form, so it works before JavaScript loads
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
import type { RoleOption } from "@/lib/data/roles/list-role-options";
import { USER_FILTER_KEYS } from "@/lib/validations/user-list-query";

export type UserFilterValues = {
  q: string;
  role: string;
  status: string;
  twoFactor: string;
  verified: string;
  pending: string;
  kind: string;
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
  const { hydrated, search, filter, onSubmit, clear, active, sort, limit } = useFilterForm(
    params,
    filters,
    USER_FILTER_KEYS,
  );

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
            type="search"
            {...search}
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
        <Select
          label="Account kind"
          hideLabel
          placeholder="Any kind"
          options={[
            { value: "person", label: "People" },
            { value: "service", label: "Service accounts" },
          ]}
          wrapperClassName="w-[calc(50%-0.25rem)] sm:w-44"
          {...filter("kind")}
        />
        {hydrated ? null : (
          <Button type="submit" variant="secondary">
            Apply
          </Button>
        )}
        {active ? (
          <Link href="/admin/users" onClick={clear} className={buttonClasses("ghost", "md", "text-muted-foreground")}>
            <X className="size-4" aria-hidden="true" />
            Clear filters
          </Link>
        ) : null}
      </div>
    </form>
  );
}
