"use client";
import { Laptop, Smartphone } from "lucide-react";
import { ActionButton } from "@/components/ui/action-button";
import type { OwnSession } from "@/lib/data/sessions/list-own-sessions";
import { formatDateTime, formatRelative } from "@/lib/format";
import { revokeOtherSessionsAction } from "@/lib/actions/settings/revoke-other-sessions";
import { revokeSessionAction } from "@/lib/actions/settings/revoke-session";

export function SignOutOthersButton({ count }: { count: number }) {
  return (
    <ActionButton
      variant="secondary"
      size="sm"
      disabled={count === 0}
      action={revokeOtherSessionsAction}
      success={(d) => `Signed out ${d.revoked} other session${d.revoked === 1 ? "" : "s"}.`}
    >
      Sign out all other sessions
    </ActionButton>
  );
}

export function SessionList({ sessions, now }: { sessions: OwnSession[]; now: Date }) {
  return (
    <ul className="divide-y divide-border" aria-label="Active sessions">
      {sessions.map((s) => {
        const Icon = /iOS|Android/.test(s.device) ? Smartphone : Laptop;
        return (
          <li
            key={s.id}
            className="flex flex-col gap-3 px-6 py-4 sm:flex-row sm:items-center sm:justify-between"
            data-testid="session-row"
          >
            <div className="flex items-start gap-3">
              <span className="mt-0.5 flex size-9 items-center justify-center rounded-full bg-muted text-muted-foreground">
                <Icon className="size-4" aria-hidden="true" />
              </span>
              <div>
                <p className="flex items-center gap-2 text-sm font-medium text-foreground">
                  {s.device}
                  {s.current ? (
                    <span className="rounded-full bg-success-soft px-2 py-0.5 text-xs font-medium text-success">
                      This device
                    </span>
                  ) : null}
                  {s.unfinished ? (
                    <span className="rounded-full bg-warning-soft px-2 py-0.5 text-xs font-medium text-warning">
                      Sign-in not finished
                    </span>
                  ) : null}
                </p>
                <p className="mt-0.5 text-xs text-muted-foreground">
                  {s.ipAddress ?? "Unknown IP"} · signed in {formatDateTime(s.createdAt)} · active{" "}
                  {formatRelative(s.lastSeenAt, now)}
                  {s.remember ? " · remembered" : ""}
                </p>
              </div>
            </div>
            {s.current ? null : (
              <ActionButton
                variant="secondary"
                size="sm"
                action={() => revokeSessionAction(s.id)}
                success="That device is signed out."
              >
                Sign out
              </ActionButton>
            )}
          </li>
        );
      })}
    </ul>
  );
}
