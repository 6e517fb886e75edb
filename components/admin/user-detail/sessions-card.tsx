"use client";
// Sessions: where the user is signed in; sign out one device or every one.
import { Laptop, MonitorX } from "lucide-react";
import { SessionSummary } from "@/components/auth/session-summary";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { RefusalNote } from "@/components/admin/user-detail/refusal-note";
import { useAdminAction } from "@/components/admin/user-detail/use-admin-action";
import { revokeUserSessionAction } from "@/lib/actions/admin/revoke-user-session";
import { revokeUserSessionsAction } from "@/lib/actions/admin/revoke-user-sessions";
import type { UserDetail } from "@/lib/data/users/get-user-detail";
import type { UserSessionItem } from "@/lib/data/users/list-user-sessions";

export function SessionsCard({ user, sessions, now }: { user: UserDetail; sessions: UserSessionItem[]; now: Date }) {
  const run = useAdminAction();
  const name = `${user.firstName} ${user.lastName}`;
  const may = user.viewerMay.manageSessions;
  return (
    <Card>
      <CardHeader
        title="Sessions"
        description={`Devices where ${name} is signed in now.`}
        action={
          may && sessions.length > 0 ? (
            <ConfirmDialog
              trigger={
                <Button variant="secondary" size="sm">
                  <MonitorX className="size-4" aria-hidden="true" /> Sign out everywhere
                </Button>
              }
              title={`Sign ${name} out everywhere?`}
              description="Every session ends on its next request, and pending password-reset and email-change links stop working."
              variant="danger"
              confirmLabel="Sign out everywhere"
              onConfirm={() =>
                run(
                  () => revokeUserSessionsAction(user.id),
                  (d) => `${name} was signed out of ${d.revoked} session${d.revoked === 1 ? "" : "s"}.`,
                )
              }
            />
          ) : undefined
        }
      />
      {may ? null : (
        <div className="border-b border-border px-6 py-3">
          <RefusalNote>{user.refusals.manageSessions}</RefusalNote>
        </div>
      )}
      {sessions.length === 0 ? (
        <EmptyState icon={Laptop} title="Not signed in anywhere" description={`${name} has no live session.`} />
      ) : (
        <ul className="divide-y divide-border" aria-label={`Sessions of ${name}`}>
          {sessions.map((s) => (
            <li
              key={s.id}
              data-testid="user-session-row"
              className="flex flex-col gap-3 px-6 py-4 sm:flex-row sm:items-center sm:justify-between"
            >
              <SessionSummary
                session={s}
                now={now}
                badges={s.impersonated ? <Badge tone="info">Impersonation</Badge> : null}
              />
              {may ? (
                <ConfirmDialog
                  trigger={
                    <Button variant="secondary" size="sm" className="self-start sm:self-auto">
                      Sign out
                    </Button>
                  }
                  title="Sign out this device?"
                  description={`${s.device} (${s.ipAddress ?? "unknown IP"}) is signed out on its next request. ${name}'s other sessions stay.`}
                  confirmLabel="Sign out device"
                  onConfirm={() =>
                    run(
                      () => revokeUserSessionAction({ userId: user.id, sessionId: s.id }),
                      "That device is signed out.",
                    )
                  }
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
