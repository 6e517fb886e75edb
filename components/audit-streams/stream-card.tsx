// One stream as a card: where it sends, what it sends, how delivery is going (status, last
// success, last error, next attempt, events waiting), and what can be done with it.
import Link from "next/link";
import { StreamActions } from "@/components/audit-streams/stream-actions";
import { StreamStatusBadge } from "@/components/audit-streams/stream-status-badge";
import { Card } from "@/components/ui/card";
import { RelativeTime } from "@/components/ui/relative-time";
import { formatDateTime } from "@/lib/format";
import type { AuditStreamJson } from "@/lib/validations/audit-stream";

function filterSummary(filter: AuditStreamJson["filter"]): string {
  const actions = filter.actions.length ? filter.actions.join(", ") : "Every action";
  const outcome =
    filter.outcome === "success" ? " · successes only" : filter.outcome === "failure" ? " · failures only" : "";
  return actions + outcome;
}

function untilText(date: Date, now: Date): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  if (seconds <= 0) return "now";
  if (seconds < 60) return `in ${seconds} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `in ${minutes} min` : `in ${Math.round(minutes / 60)} h`;
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium uppercase tracking-wide text-muted-foreground">{label}</dt>
      <dd className="mt-1 text-sm text-foreground">{children}</dd>
    </div>
  );
}

export function StreamCard({
  stream,
  now,
  pendingEvents,
  detailHref,
  afterDelete,
}: {
  stream: AuditStreamJson;
  now: Date;
  pendingEvents: number;
  /** Link to the stream's page (from the list); omitted on that page itself. */
  detailHref?: string;
  afterDelete?: string;
}) {
  const next = stream.nextAttemptAt ? new Date(stream.nextAttemptAt) : null;
  return (
    <Card className="overflow-hidden" data-testid="stream-card" aria-labelledby={`stream-${stream.id}-name`}>
      <div className="flex flex-col gap-3 border-b border-border px-5 py-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <h2 id={`stream-${stream.id}-name`} className="text-base font-semibold text-foreground">
              {detailHref ? (
                <Link
                  href={detailHref}
                  className="rounded hover:underline focus-visible:outline-2 focus-visible:outline-offset-2"
                >
                  {stream.name}
                </Link>
              ) : (
                stream.name
              )}
            </h2>
            <StreamStatusBadge status={stream.status} />
          </div>
          <p className="mt-1 break-all font-mono text-xs text-muted-foreground">{stream.urlDisplay}</p>
        </div>
        <p className="shrink-0 text-xs text-muted-foreground">
          Secret ends in <span className="font-mono text-foreground">…{stream.secretHint}</span>
        </p>
      </div>
      <dl className="grid grid-cols-1 gap-4 px-5 py-4 sm:grid-cols-2 lg:grid-cols-4">
        <Item label="Sends">
          <span className="break-words font-mono text-xs">{filterSummary(stream.filter)}</span>
        </Item>
        <Item label="Last success">
          {stream.lastSuccessAt ? (
            <RelativeTime date={new Date(stream.lastSuccessAt)} now={now} />
          ) : (
            <span className="text-muted-foreground">Never yet</span>
          )}
        </Item>
        <Item label="Next attempt">
          {!stream.enabled ? (
            <span className="text-muted-foreground">Paused</span>
          ) : next ? (
            <time dateTime={next.toISOString()} title={formatDateTime(next)}>
              {untilText(next, now)}
              {stream.failureCount ? ` (attempt ${stream.failureCount + 1})` : ""}
            </time>
          ) : (
            <span>With the next run</span>
          )}
        </Item>
        <Item label="Waiting">
          <span data-testid="stream-pending">
            {pendingEvents === 0 ? "Up to date" : `${pendingEvents} new event${pendingEvents === 1 ? "" : "s"} to go`}
          </span>
        </Item>
      </dl>
      {stream.lastError ? (
        <div
          className="mx-5 mb-4 rounded-lg border border-danger/30 bg-danger-soft px-3 py-2 text-sm text-foreground"
          data-testid="stream-last-error"
        >
          <span className="font-medium text-danger">Last error</span>
          {stream.lastAttemptAt ? (
            <span className="text-muted-foreground">
              {" "}
              (<RelativeTime date={new Date(stream.lastAttemptAt)} now={now} />)
            </span>
          ) : null}
          : {stream.lastError}
        </div>
      ) : null}
      <div className="flex flex-col gap-3 border-t border-border bg-muted/40 px-5 py-3 sm:flex-row sm:items-start sm:justify-between">
        <StreamActions stream={stream} afterDelete={afterDelete} />
        {detailHref ? (
          <Link
            href={detailHref}
            className="shrink-0 self-start py-1.5 text-sm font-medium text-brand underline-offset-4 hover:underline"
          >
            Recent deliveries
          </Link>
        ) : null}
      </div>
    </Card>
  );
}
