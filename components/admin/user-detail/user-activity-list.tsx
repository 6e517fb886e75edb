// Recent activity of and about the user: who did what, to whom, and, for an impersonated event,
// "by <admin> as <user>".
import Link from "next/link";
import { Activity, VenetianMask } from "lucide-react";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { ActivityPerson, UserActivityItem } from "@/lib/data/users/list-user-activity";
import { formatDateTime, formatRelative } from "@/lib/format";

const DETAIL_LABELS: Record<string, string> = {
  before: "Before",
  after: "After",
  added: "Added",
  removed: "Removed",
  reason: "Reason",
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
        <EmptyState icon={Activity} title="No activity yet" description="Sign-ins and changes to the account appear here." />
      ) : (
        <ol className="divide-y divide-border" aria-label="Recent activity">
          {items.map((item) => (
            <li key={item.id} className="flex items-start gap-3 px-6 py-3.5" data-testid="user-activity-row">
              <span
                className={
                  item.impersonator
                    ? "mt-0.5 flex size-8 shrink-0 items-center justify-center rounded-full bg-sky-50 text-sky-700 dark:bg-sky-950 dark:text-sky-300"
                    : "mt-0.5 flex size-8 shrink-0 items-center justify-center rounded-full bg-brand-soft text-brand"
                }
              >
                {item.impersonator ? (
                  <VenetianMask className="size-4" aria-hidden="true" />
                ) : (
                  <Activity className="size-4" aria-hidden="true" />
                )}
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
          ))}
        </ol>
      )}
    </Card>
  );
}
