import type { Metadata } from "next";
import Link from "next/link";
import { Search, Users } from "lucide-react";
import { UserActions } from "@/components/admin/user-actions";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/require-page-viewer";
import { listUsers } from "@/lib/data/users/list-users";
import { formatRelative } from "@/lib/format";
import { can } from "@/lib/rbac/can";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage({ searchParams }: { searchParams: Promise<{ q?: string; cursor?: string }> }) {
  const viewer = await requirePagePermission("users.read");
  const { q, cursor } = await searchParams;
  const { items, nextCursor } = await listUsers(viewer, {
    q: typeof q === "string" ? q : undefined,
    cursor: typeof cursor === "string" ? cursor : undefined,
  });
  const manage = can(viewer, "sessions.manage");
  const now = new Date();
  return (
    <>
      <PageHeader title="Users" description="Everyone with an account. Role management arrives in a coming release." />
      <form className="mb-4 flex max-w-md gap-2" role="search">
        <label htmlFor="user-search" className="sr-only">
          Search users
        </label>
        <Input id="user-search" name="q" defaultValue={q ?? ""} placeholder="Search by name, username or email" />
        <button type="submit" className={buttonClasses("secondary", "md")}>
          <Search className="size-4" aria-hidden="true" /> Search
        </button>
      </form>
      <Card className="overflow-hidden">
        {items.length === 0 ? (
          <EmptyState
            icon={Users}
            title="No users match"
            description={q ? `Nobody matches “${q}”.` : "No users yet."}
          />
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-border bg-muted/50 text-xs uppercase tracking-wide text-muted-foreground">
                <tr>
                  <th scope="col" className="px-6 py-3 font-medium">
                    User
                  </th>
                  <th scope="col" className="px-4 py-3 font-medium">
                    Roles
                  </th>
                  <th scope="col" className="px-4 py-3 font-medium">
                    Security
                  </th>
                  <th scope="col" className="px-4 py-3 font-medium">
                    Last sign-in
                  </th>
                  {manage ? (
                    <th scope="col" className="px-6 py-3 text-right font-medium">
                      Actions
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody className="divide-y divide-border">
                {items.map((u) => (
                  <tr key={u.id} data-testid="user-row">
                    <td className="px-6 py-3">
                      <p className="font-medium text-foreground">
                        {u.firstName} {u.lastName}
                      </p>
                      <p className="text-xs text-muted-foreground">
                        @{u.username} · {u.email}
                      </p>
                    </td>
                    <td className="px-4 py-3 text-muted-foreground">{u.roles.join(", ")}</td>
                    <td className="px-4 py-3">
                      <div className="flex flex-wrap gap-1.5 text-xs">
                        <span
                          className={
                            u.emailVerified
                              ? "rounded-full bg-success-soft px-2 py-0.5 text-success"
                              : "rounded-full bg-warning-soft px-2 py-0.5 text-warning"
                          }
                        >
                          {u.emailVerified ? "Verified" : "Unverified"}
                        </span>
                        <span
                          className={
                            u.twoFactorEnabled
                              ? "rounded-full bg-success-soft px-2 py-0.5 text-success"
                              : "rounded-full bg-muted px-2 py-0.5 text-muted-foreground"
                          }
                        >
                          {u.twoFactorEnabled ? "2FA on" : "2FA off"}
                        </span>
                        {u.status !== "active" ? (
                          <span className="rounded-full bg-danger-soft px-2 py-0.5 text-danger">{u.status}</span>
                        ) : null}
                        <span className="rounded-full bg-muted px-2 py-0.5 text-muted-foreground">
                          {u.activeSessions} session{u.activeSessions === 1 ? "" : "s"}
                        </span>
                      </div>
                    </td>
                    <td className="px-4 py-3 text-muted-foreground">
                      {u.lastSignInAt ? formatRelative(u.lastSignInAt, now) : "Never"}
                    </td>
                    {manage ? (
                      <td className="px-6 py-3">
                        <UserActions
                          userId={u.id}
                          name={`${u.firstName} ${u.lastName}`}
                          twoFactor={u.twoFactorEnabled}
                          sessions={u.activeSessions}
                          self={u.id === viewer.userId}
                        />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      {nextCursor ? (
        <div className="mt-4 flex justify-end">
          <Link
            className={buttonClasses("secondary", "sm")}
            href={`/admin?${new URLSearchParams({ ...(q ? { q } : {}), cursor: nextCursor })}`}
          >
            Next page
          </Link>
        </div>
      ) : null}
    </>
  );
}
