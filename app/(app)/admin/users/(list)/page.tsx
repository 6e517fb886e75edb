import type { Metadata } from "next";
import Link from "next/link";
import { UserPlus } from "lucide-react";
import { UsersTable } from "@/components/admin/users/users-table";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/require-page-viewer";
import { listRoleOptions } from "@/lib/data/roles/list-role-options";
import { listUsers } from "@/lib/data/users/list-users";
import { can } from "@/lib/rbac/can";
import { parseUserListQuery } from "@/lib/validations/user-list-query";

export const metadata: Metadata = { title: "Users" };

export default async function AdminUsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requirePagePermission("users.read");
  const query = parseUserListQuery(await searchParams);
  const [page, roles] = await Promise.all([listUsers(viewer, query), listRoleOptions(viewer)]);
  return (
    <>
      <PageHeader
        title="Users"
        description="Everyone with an account: search, filter and open a person to manage their roles, sessions and status."
        actions={
          can(viewer, "users.invite") ? (
            <Link href="/admin/invitations" className={buttonClasses("primary", "md")}>
              <UserPlus className="size-4" aria-hidden="true" />
              Invite user
            </Link>
          ) : null
        }
      />
      <UsersTable
        page={page}
        limit={query.limit}
        sort={query.sort}
        filters={{
          q: query.q ?? "",
          role: query.role ?? "",
          status: query.status ?? "",
          twoFactor: query.twoFactor ?? "",
          verified: query.verified ?? "",
          pending: query.pending ?? "",
          kind: query.kind ?? "",
        }}
        roles={roles}
        canManage={can(viewer, "users.manage")}
        now={new Date().toISOString()}
      />
    </>
  );
}
