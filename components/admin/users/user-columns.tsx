"use client";
// Columns of the admin users table. Ids of sortable columns are the list query's sort keys
// (lib/validations/user-list-query.ts). `now` comes from the server render, so relative times
// read the same on the server and in the browser.
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { ShieldCheck, ShieldOff } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { UserListItem } from "@/lib/data/users/list-users";
import { formatRelative } from "@/lib/format";

const joined = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

export const fullName = (u: Pick<UserListItem, "firstName" | "lastName">) => `${u.firstName} ${u.lastName}`.trim();

function initials(u: UserListItem): string {
  return `${u.firstName.charAt(0)}${u.lastName.charAt(0)}`.toUpperCase() || u.username.charAt(0).toUpperCase();
}

export function userColumns({ now }: { now: Date }): ColumnDef<UserListItem>[] {
  return [
    {
      id: "name",
      header: "User",
      meta: { label: "User", className: "min-w-64" },
      enableHiding: false,
      cell: ({ row }) => {
        const u = row.original;
        return (
          <div className="flex items-center gap-3">
            <span
              aria-hidden="true"
              className="flex size-9 shrink-0 items-center justify-center rounded-full bg-brand-soft text-xs font-semibold text-brand"
            >
              {initials(u)}
            </span>
            <div className="min-w-0">
              <Link
                href={`/admin/users/${u.id}`}
                className="font-medium text-foreground hover:text-brand hover:underline focus-visible:underline"
              >
                {fullName(u)}
              </Link>
              <p className="truncate text-xs text-muted-foreground">{u.email}</p>
            </div>
          </div>
        );
      },
    },
    {
      id: "username",
      header: "Username",
      meta: { label: "Username" },
      cell: ({ row }) => <span className="font-mono text-xs text-muted-foreground">@{row.original.username}</span>,
    },
    {
      id: "roles",
      header: "Roles",
      meta: { label: "Roles" },
      cell: ({ row }) => {
        const roles = row.original.roles;
        if (roles.length === 0) return <span className="text-xs text-muted-foreground">No role</span>;
        return (
          <div className="flex flex-wrap gap-1">
            {roles.map((r) => (
              <Badge key={r.key} tone={r.key === "super_admin" || r.key === "admin" ? "brand" : "neutral"}>
                {r.name}
              </Badge>
            ))}
          </div>
        );
      },
    },
    {
      id: "status",
      header: "Status",
      meta: { label: "Status" },
      cell: ({ row }) => {
        const u = row.original;
        return (
          <div className="flex gap-1">
            {u.status === "banned" ? (
              <Badge tone="danger" dot>
                Banned
              </Badge>
            ) : (
              <Badge tone="success" dot>
                Active
              </Badge>
            )}
            {u.staffApproval === "pending" ? <Badge tone="warning">Awaiting approval</Badge> : null}
            {u.staffApproval === "rejected" ? <Badge tone="neutral">Staff refused</Badge> : null}
            {u.kind === "service" ? (
              <Badge tone="info" title="Calls the API with keys; never signs in">
                Service account
              </Badge>
            ) : null}
          </div>
        );
      },
    },
    {
      id: "security",
      header: "Security",
      meta: { label: "Security" },
      cell: ({ row }) => {
        const u = row.original;
        return (
          <div className="flex gap-1">
            {u.emailVerified ? <Badge tone="info">Verified</Badge> : <Badge tone="warning">Unverified</Badge>}
            {u.twoFactorEnabled ? (
              <Badge tone="success" icon={<ShieldCheck className="size-3" aria-hidden="true" />}>
                2FA on
              </Badge>
            ) : (
              <Badge tone="neutral" icon={<ShieldOff className="size-3" aria-hidden="true" />}>
                2FA off
              </Badge>
            )}
          </div>
        );
      },
    },
    {
      id: "sessions",
      header: "Sessions",
      meta: { label: "Active sessions", className: "text-right tabular-nums" },
      cell: ({ row }) => {
        const n = row.original.activeSessions;
        return <span className={n === 0 ? "text-muted-foreground" : "text-foreground"}>{n}</span>;
      },
    },
    {
      id: "lastSignInAt",
      header: "Last sign-in",
      sortDescFirst: true,
      meta: { label: "Last sign-in", className: "whitespace-nowrap" },
      cell: ({ row }) => {
        const at = row.original.lastSignInAt;
        return at ? (
          <time dateTime={at.toISOString()} className="text-muted-foreground" title={at.toISOString()}>
            {formatRelative(at, now)}
          </time>
        ) : (
          <span className="text-muted-foreground/70">Never</span>
        );
      },
    },
    {
      id: "createdAt",
      header: "Joined",
      sortDescFirst: true,
      meta: { label: "Joined", className: "whitespace-nowrap" },
      cell: ({ row }) => (
        <time dateTime={row.original.createdAt.toISOString()} className="text-muted-foreground">
          {joined.format(row.original.createdAt)}
        </time>
      ),
    },
  ];
}
