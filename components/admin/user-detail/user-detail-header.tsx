// The top of a user's admin page: who they are and their state at a glance.
import Link from "next/link";
import type { ReactNode } from "react";
import { ArrowLeft, Ban, Clock, ShieldCheck, ShieldOff } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { UserDetail } from "@/lib/data/users/get-user-detail";
import { formatDateTime } from "@/lib/format";

export function initials(first: string, last: string): string {
  return `${first.charAt(0)}${last.charAt(0)}`.toUpperCase() || "?";
}

export function UserDetailHeader({ user, actions }: { user: UserDetail; actions?: ReactNode }) {
  return (
    <header className="mb-6">
      <Link
        href="/admin/users"
        className="mb-4 inline-flex items-center gap-1.5 rounded-md text-sm text-muted-foreground transition hover:text-foreground focus-visible:outline-2 focus-visible:outline-offset-2"
      >
        <ArrowLeft className="size-4" aria-hidden="true" /> All users
      </Link>
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="flex min-w-0 items-start gap-4">
          <span
            aria-hidden="true"
            className="flex size-14 shrink-0 items-center justify-center rounded-full bg-brand-soft text-lg font-semibold text-brand"
          >
            {initials(user.firstName, user.lastName)}
          </span>
          <div className="min-w-0">
            <h1 className="truncate text-2xl font-semibold tracking-tight text-foreground">
              {user.firstName} {user.lastName}
            </h1>
            <p className="mt-0.5 text-sm text-muted-foreground [overflow-wrap:anywhere]">
              @{user.username} · {user.email}
            </p>
            <ul className="mt-2.5 flex flex-wrap gap-1.5" aria-label="Account state">
              <li>
                {user.status === "banned" ? (
                  <Badge tone="danger" icon={<Ban className="size-3" aria-hidden="true" />}>
                    Banned
                  </Badge>
                ) : (
                  <Badge tone="success" dot>
                    Active
                  </Badge>
                )}
              </li>
              <li>
                <Badge tone={user.emailVerified ? "success" : "warning"}>
                  {user.emailVerified ? "Email verified" : "Email unverified"}
                </Badge>
              </li>
              <li>
                <Badge
                  tone={user.twoFactorEnabled ? "success" : "neutral"}
                  icon={
                    user.twoFactorEnabled ? (
                      <ShieldCheck className="size-3" aria-hidden="true" />
                    ) : (
                      <ShieldOff className="size-3" aria-hidden="true" />
                    )
                  }
                >
                  {user.twoFactorEnabled ? "2FA on" : "2FA off"}
                </Badge>
              </li>
              {user.staffApproval === "pending" ? (
                <li>
                  <Badge tone="info" icon={<Clock className="size-3" aria-hidden="true" />}>
                    Staff application pending
                  </Badge>
                </li>
              ) : null}
              {user.isSelf ? (
                <li>
                  <Badge tone="brand">You</Badge>
                </li>
              ) : null}
            </ul>
            <p className="mt-2 text-xs text-muted-foreground">
              Joined {formatDateTime(user.createdAt)} · last sign-in{" "}
              {user.lastSignInAt ? formatDateTime(user.lastSignInAt) : "never"}
            </p>
          </div>
        </div>
        {actions ? <div className="flex shrink-0 flex-wrap gap-2">{actions}</div> : null}
      </div>
    </header>
  );
}
