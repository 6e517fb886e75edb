"use client";
// The admin users table on the data-table kit: filters toolbar, sortable columns, keyset
// pagination, and (for users.manage) row selection with bulk ban / assign role. Each row opens
// the user's page.
import Link from "next/link";
import { SearchX, Users } from "lucide-react";
import { useMemo } from "react";
import { buttonClasses } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table/data-table";
import { useDataTable } from "@/components/ui/data-table/use-data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { UsersBulkActions } from "@/components/admin/users/users-bulk-actions";
import { userColumns } from "@/components/admin/users/user-columns";
import { UsersToolbar, type UserFilterValues } from "@/components/admin/users/users-toolbar";
import type { RoleOption } from "@/lib/data/roles/list-role-options";
import type { UserListPage } from "@/lib/data/users/list-users";
import type { SortSpec } from "@/lib/validations/list-query";
import { DEFAULT_USER_SORT, USER_FILTER_KEYS, USER_SORT_KEYS } from "@/lib/validations/user-list-query";

const HIDDEN_BY_DEFAULT = ["username", "createdAt"] as const;

export function UsersTable({
  page,
  limit,
  sort,
  filters,
  roles,
  canManage,
  now,
}: {
  page: UserListPage;
  limit: number;
  sort: SortSpec;
  filters: UserFilterValues;
  roles: readonly RoleOption[];
  canManage: boolean;
  /** The server's clock at render (ISO), for relative times. */
  now: string;
}) {
  const columns = useMemo(() => userColumns({ now: new Date(now) }), [now]);
  const dt = useDataTable({
    id: "admin-users",
    data: page.items,
    columns,
    getRowId: (u) => u.id,
    getRowLabel: (u) => `${u.firstName} ${u.lastName} (@${u.username})`,
    sort,
    sortKeys: USER_SORT_KEYS,
    defaultSort: DEFAULT_USER_SORT,
    page: { start: page.start, total: page.total, limit, nextCursor: page.nextCursor, prevCursor: page.prevCursor },
    selectable: canManage,
    hiddenByDefault: HIDDEN_BY_DEFAULT,
  });
  const filtered = Object.values(filters).some(Boolean);

  const empty = filtered ? (
    <EmptyState
      icon={SearchX}
      title="No users match"
      description={
        filters.q
          ? `Nobody matches “${filters.q}” with these filters. Try another spelling or fewer filters.`
          : "Nobody matches these filters."
      }
      action={
        <Link
          href="/admin/users"
          onClick={(e) => {
            e.preventDefault();
            dt.params.del(["q", ...USER_FILTER_KEYS]);
          }}
          className={buttonClasses("secondary", "md")}
        >
          Clear filters
        </Link>
      }
    />
  ) : (
    <EmptyState
      icon={Users}
      title="No users yet"
      description="People appear here once they sign up or accept an invitation."
    />
  );

  return (
    <DataTable
      dt={dt}
      label="Users"
      rowTestId="user-row"
      noun={{ one: "user", many: "users" }}
      toolbar={({ columnsMenu }) => (
        <UsersToolbar params={dt.params} filters={filters} roles={roles} columnsMenu={columnsMenu} />
      )}
      bulkActions={
        canManage ? (rows, clear) => <UsersBulkActions users={rows} roles={roles} onDone={clear} /> : undefined
      }
      empty={empty}
      getRowHref={(u) => `/admin/users/${u.id}`}
    />
  );
}
