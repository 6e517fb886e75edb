// Recent activity of and about the user: who did what, to whom, and, for an impersonated event,
// "by <admin> as <user>".
import Link from "next/link";
import {
  Activity,
  Ban,
  KeyRound,
  LogIn,
  LogOut,
  Mail,
  MonitorX,
  ShieldAlert,
  ShieldCheck,
  ShieldOff,
  UserCheck,
  UserCog,
  UserPlus,
  VenetianMask,
  type LucideIcon,
} from "lucide-react";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { ActivityPerson, UserActivityItem } from "@/lib/data/users/list-user-activity";
import { formatDateTime, formatRelative } from "@/lib/format";

/** An icon by action family; anything else gets the generic one. */
const ICONS: [RegExp, LucideIcon][] = [
  [/^impersonation\./, VenetianMask],
  [/^admin\.user_banned$/, Ban],
  [/^admin\.user_unbanned$/, UserCheck],
  [/^admin\.user_roles_changed$|^role\./, UserCog],
  [/session_revoked|sessions_revoked|^auth\.signed_out$/, MonitorX],
  [/^auth\.sign_in_succeeded$/, LogIn],
  [/^auth\.(sign_in_failed|account_locked|second_factor_failed|second_factor_locked)$/, ShieldAlert],
  [/two_factor_reset|two_factor_disabled|two_factor_cleared/, ShieldOff],
  [/two_factor|recovery_code/, ShieldCheck],
  [/password/, KeyRound],
  [/email|verification/, Mail],
  [/signed_up|^invitation\.|^staff\./, UserPlus],
];

const WARNINGS =
  /^admin\.user_banned$|sign_in_failed|account_locked|second_factor_failed|second_factor_locked|two_factor_reset|two_factor_disabled/;

function iconFor(action: string): LucideIcon {
  if (action === "auth.signed_out") return LogOut;
  return ICONS.find(([pattern]) => pattern.test(action))?.[1] ?? Activity;
}

const DETAIL_LABELS: Record<string, string> = {
  before: "Before",
  after: "After",
  added: "Added",
  removed: "Removed",
  reason: "Reason",
  banReason: "Ban reason",
  sessionsEnded: "Sessions ended",
  revoked: "Sessions ended",
  signedOut: "Signed out",
  device: "Device",
};

function PersonName({ person, selfId }: { person: ActivityPerson; selfId: string }) {
  if (person.id === selfId) return <span className="font-medium text-foreground">this user</span>;
  if (!person.name) return <span className="font-mono text-xs">{person.id}</span>;
  return (
    <Link href={`/admin/users/${person.id}`} className="font-medium text-foreground underline-offset-2 hover:underline">
      {person.name}
    </Link>
  );
}

export function UserActivityList({ items, userId, now }: { items: UserActivityItem[]; userId: string; now: Date }) {
  return (
    <Card>
      <CardHeader title="Recent activity" description="The newest 20 events by or about this account." />
      {items.length === 0 ? (
        <EmptyState
          icon={Activity}
          title="No activity yet"
          description="Sign-ins and changes to the account appear here."
        />
      ) : (
        <ol className="divide-y divide-border" aria-label="Recent activity">
          {items.map((item) => {
            const Icon = item.impersonator ? VenetianMask : iconFor(item.action);
            const tone = item.impersonator
              ? "bg-sky-50 text-sky-700 dark:bg-sky-950 dark:text-sky-300"
              : WARNINGS.test(item.action)
                ? "bg-danger-soft text-danger"
                : "bg-brand-soft text-brand";
            return (
              <li key={item.id} className="flex items-start gap-3 px-6 py-3.5" data-testid="user-activity-row">
                <span className={`mt-0.5 flex size-8 shrink-0 items-center justify-center rounded-full ${tone}`}>
                  <Icon className="size-4" aria-hidden="true" />
                </span>
                <div className="min-w-0 flex-1">
                  <p className="text-sm text-foreground">{item.label}</p>
                  <p className="mt-0.5 text-xs text-muted-foreground">
                    {item.impersonator ? (
                      <>
                        by <PersonName person={item.impersonator} selfId={userId} /> as{" "}
                        {item.actor ? <PersonName person={item.actor} selfId={userId} /> : "someone"}
                      </>
                    ) : item.actor ? (
                      <>
                        by <PersonName person={item.actor} selfId={userId} />
                      </>
                    ) : item.anonymous ? (
                      "by someone not signed in"
                    ) : (
                      "by the system"
                    )}
                    {item.target ? (
                      <>
                        {" "}
                        · on <PersonName person={item.target} selfId={userId} />
                      </>
                    ) : null}
                    {item.ipAddress ? ` · ${item.ipAddress}` : ""}
                    {item.device ? ` · ${item.device}` : ""}
                  </p>
                  {item.details.length ? (
                    <dl className="mt-1.5 flex flex-wrap gap-x-4 gap-y-1 text-xs">
                      {item.details.map((d) => (
                        <div key={d.key} className="flex min-w-0 gap-1">
                          <dt className="text-muted-foreground">{DETAIL_LABELS[d.key] ?? d.key}:</dt>
                          <dd className="break-words text-foreground">{d.value}</dd>
                        </div>
                      ))}
                    </dl>
                  ) : null}
                </div>
                <time
                  dateTime={item.createdAt.toISOString()}
                  title={formatDateTime(item.createdAt)}
                  className="shrink-0 text-xs text-muted-foreground"
                >
                  {formatRelative(item.createdAt, now)}
                </time>
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}
