"use client";
import { SessionSummary } from "@/components/auth/session-summary";
import { ActionButton } from "@/components/ui/action-button";
import { Badge } from "@/components/ui/badge";
import type { OwnSession } from "@/lib/data/sessions/list-own-sessions";
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

const methodOf = (s: OwnSession) => s.signInLabel;

export function SessionList({ sessions, now }: { sessions: OwnSession[]; now: Date }) {
  return (
    <ul className="divide-y divide-border" aria-label="Active sessions">
      {sessions.map((s) => (
        <li
          key={s.id}
          className="flex flex-col gap-3 px-6 py-4 sm:flex-row sm:items-center sm:justify-between"
          data-testid="session-row"
        >
          <SessionSummary
            session={s}
            now={now}
            badges={
              <>
                {s.current ? <Badge tone="success">This device</Badge> : null}
                {methodOf(s) ? (
                  <Badge tone="neutral" title="How this session signed in">
                    {methodOf(s)}
                  </Badge>
                ) : null}
              </>
            }
          />
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
      ))}
    </ul>
  );
}
