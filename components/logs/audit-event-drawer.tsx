"use client";
// One event in a side drawer (?event=<id> in the URL, so it can be linked and survives reload):
// who acted and how, what was acted on, the outcome and its reason, request id, IP address and
// browser, the change as "field: before → after" and list additions/removals, and the raw
// metadata behind a disclosure. Built on the Dialog primitive (focus trap, Escape, focus return).
import * as RadixDialog from "@radix-ui/react-dialog";
import { ArrowRight, Filter, X } from "lucide-react";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { AuditActorName } from "@/components/logs/audit-actor-name";
import { AuditEventIcon, AuditOutcomeBadge } from "@/components/logs/audit-event-columns";
import { renderAuditEvent } from "@/components/logs/audit-action-registry";
import type { AuditEventDetail, AuditMetadataValue } from "@/lib/validations/audit-event";
import { describeUserAgent } from "@/lib/http/user-agent";
import { formatDateTime } from "@/lib/format";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-1 gap-1 py-2.5 sm:grid-cols-[8rem_1fr] sm:gap-4">
      <dt className="text-xs font-medium uppercase tracking-wide text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words text-sm text-foreground">{children}</dd>
    </div>
  );
}

function Value({ value }: { value: AuditMetadataValue }) {
  if (value === null || value === "") return <span className="italic text-muted-foreground">empty</span>;
  if (Array.isArray(value)) return <span>{value.length ? value.map(String).join(", ") : <span className="italic text-muted-foreground">none</span>}</span>;
  if (typeof value === "object") return <code className="text-xs">{JSON.stringify(value)}</code>;
  return <span>{String(value)}</span>;
}

const humanize = (field: string) => field.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/_/g, " ").toLowerCase();

export function AuditEventDrawer({
  event,
  missing,
  closeHref,
  onClose,
  filterHref,
}: {
  event: AuditEventDetail | null;
  /** The URL named an event that does not exist (or was pruned). */
  missing: boolean;
  closeHref: string;
  onClose: () => void;
  /** Where "only this actor's / target's events" go. */
  filterHref: (values: Record<string, string | null>) => string;
}) {
  const open = Boolean(event) || missing;
  const sentence = event ? renderAuditEvent(event) : null;
  return (
    <RadixDialog.Root open={open} onOpenChange={(next) => (next ? null : onClose())}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-50 bg-slate-950/40 backdrop-blur-[1px]" />
        <RadixDialog.Content
          data-testid="event-drawer"
          {...(event ? {} : { "aria-describedby": undefined })}
          className="fixed inset-y-0 right-0 z-50 flex w-full max-w-xl flex-col border-l border-border bg-surface text-foreground shadow-2xl focus:outline-none"
        >
          <div className="flex items-start justify-between gap-4 border-b border-border px-5 py-4 sm:px-6">
            <div className="flex min-w-0 items-center gap-3">
              {event ? <AuditEventIcon action={event.action} outcome={event.outcome} /> : null}
              <div className="min-w-0">
                <RadixDialog.Title className="text-base font-semibold text-foreground">
                  {event ? event.label : "Event not found"}
                </RadixDialog.Title>
                {event ? (
                  <RadixDialog.Description className="mt-0.5 truncate text-sm text-muted-foreground">
                    {sentence ?? event.action}
                  </RadixDialog.Description>
                ) : null}
              </div>
            </div>
            <RadixDialog.Close
              className="-mr-2 rounded-md p-1.5 text-muted-foreground transition hover:bg-muted hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand/40"
              aria-label="Close"
            >
              <X className="size-4" aria-hidden="true" />
            </RadixDialog.Close>
          </div>
          <div className="min-h-0 flex-1 overflow-y-auto px-5 py-4 sm:px-6">
            {!event ? (
              <p className="text-sm text-muted-foreground">
                This event does not exist, or it was pruned by the retention period.{" "}
                <a href={closeHref} className="font-medium text-brand hover:underline">
                  Back to the log
                </a>
              </p>
            ) : (
              <>
                <dl className="divide-y divide-border">
                  <Row label="When">
                    <time dateTime={event.createdAt}>{formatDateTime(new Date(event.createdAt))}</time>
                  </Row>
                  <Row label="Outcome">
                    <span className="inline-flex flex-wrap items-center gap-2">
                      <AuditOutcomeBadge event={event} />
                      {event.reason ? <span className="text-muted-foreground">{humanize(event.reason)}</span> : null}
                    </span>
                  </Row>
                  <Row label="Actor">
                    <div className="space-y-1">
                      <p>
                        <AuditActorName actor={event.actor} />
                      </p>
                      {event.actor.impersonatorId ? (
                        <p className="text-xs text-muted-foreground">Administrator behind it: {event.actor.impersonatorId}</p>
                      ) : null}
                      {event.actor.apiKeyId ? (
                        <p className="text-xs text-muted-foreground">API key: {event.actor.apiKeyId}</p>
                      ) : null}
                      {event.actor.id ? (
                        <a
                          href={filterHref({ actor: event.actor.id })}
                          className="flex w-fit items-center gap-1 text-xs font-medium text-brand hover:underline"
                        >
                          <Filter className="size-3" aria-hidden="true" />
                          Only this actor&apos;s events
                        </a>
                      ) : null}
                    </div>
                  </Row>
                  <Row label="Target">
                    {event.target ? (
                      <div className="space-y-1">
                        <p>
                          {event.target.name ?? event.target.id ?? "—"}{" "}
                          <Badge className="ml-1">{event.target.type.replace(/_/g, " ")}</Badge>
                        </p>
                        {event.target.id ? (
                          <a
                            href={filterHref({ target_type: event.target.type, target_id: event.target.id })}
                            className="flex w-fit items-center gap-1 text-xs font-medium text-brand hover:underline"
                          >
                            <Filter className="size-3" aria-hidden="true" />
                            Only events on this {event.target.type.replace(/_/g, " ")}
                          </a>
                        ) : null}
                      </div>
                    ) : (
                      <span className="text-muted-foreground">—</span>
                    )}
                  </Row>
                  <Row label="Action">
                    <code className="text-xs">{event.action}</code> <Badge className="ml-1">{event.crud}</Badge>
                  </Row>
                  <Row label="IP address">{event.ip ?? <span className="text-muted-foreground">—</span>}</Row>
                  <Row label="Browser">
                    {event.userAgent ? (
                      <span title={event.userAgent}>{describeUserAgent(event.userAgent)}</span>
                    ) : (
                      <span className="text-muted-foreground">—</span>
                    )}
                  </Row>
                  <Row label="Request id">
                    {event.requestId ? <code className="text-xs">{event.requestId}</code> : <span className="text-muted-foreground">—</span>}
                  </Row>
                  <Row label="Sequence">#{event.seq}</Row>
                </dl>

                {event.diff.fields.length || event.diff.lists.length ? (
                  <section className="mt-5" aria-labelledby="event-changes">
                    <h3 id="event-changes" className="text-sm font-semibold text-foreground">
                      Changes
                    </h3>
                    <ul className="mt-2 divide-y divide-border rounded-lg border border-border" data-testid="event-diff">
                      {event.diff.fields.map((c) => (
                        <li key={`f-${c.field}`} className="grid gap-1 px-3 py-2.5 text-sm sm:grid-cols-[8rem_1fr]">
                          <span className="font-medium capitalize text-foreground">{humanize(c.field)}</span>
                          <span className="flex min-w-0 flex-wrap items-center gap-2">
                            <span className="rounded bg-danger-soft px-1.5 py-0.5 text-danger line-through decoration-danger/40">
                              <Value value={c.before} />
                            </span>
                            <ArrowRight className="size-3.5 text-muted-foreground" aria-label="changed to" />
                            <span className="rounded bg-success-soft px-1.5 py-0.5 text-success">
                              <Value value={c.after} />
                            </span>
                          </span>
                        </li>
                      ))}
                      {event.diff.lists.map((l) => (
                        <li key={`l-${l.field}`} className="grid gap-1 px-3 py-2.5 text-sm sm:grid-cols-[8rem_1fr]">
                          <span className="font-medium capitalize text-foreground">{humanize(l.field)}</span>
                          <span className="flex flex-wrap gap-1.5">
                            {l.added.map((x) => (
                              <Badge key={`+${x}`} tone="success">+ {x}</Badge>
                            ))}
                            {l.removed.map((x) => (
                              <Badge key={`-${x}`} tone="danger">− {x}</Badge>
                            ))}
                            {!l.added.length && !l.removed.length ? <span className="text-muted-foreground">No change</span> : null}
                          </span>
                        </li>
                      ))}
                    </ul>
                  </section>
                ) : null}

                <details className="group mt-5 rounded-lg border border-border">
                  <summary className="cursor-pointer select-none rounded-lg px-3 py-2 text-sm font-medium text-foreground hover:bg-muted/50 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand/40">
                    Raw metadata
                  </summary>
                  <pre className="max-h-80 overflow-auto border-t border-border bg-muted/40 px-3 py-2 text-xs leading-relaxed text-foreground">
                    {JSON.stringify(event.metadata, null, 2)}
                  </pre>
                </details>
              </>
            )}
          </div>
          <div className="border-t border-border px-5 py-3 sm:px-6">
            <RadixDialog.Close className={buttonClasses("secondary", "md", "w-full sm:w-auto")}>Close</RadixDialog.Close>
          </div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
