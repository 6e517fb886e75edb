"use client";
// Columns of the activity log's table: when, what (icon, label and the registry's sentence), who,
// on what, the outcome, and (hidden until shown) IP address and request id. The event cell is a
// link that opens the event's drawer (?event=<id>), so every row is reachable by keyboard.
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import { auditActionEntry, renderAuditEvent } from "@/components/logs/audit-action-registry";
import { AuditActorName } from "@/components/logs/audit-actor-name";
import type { AuditEventJson } from "@/lib/validations/audit-event";
import { cn } from "@/lib/cn";

export function AuditOutcomeBadge({ event }: { event: Pick<AuditEventJson, "outcome" | "reason"> }) {
  return event.outcome === "failure" ? (
    <Badge tone="danger" dot title={event.reason ?? undefined}>
      Failed
    </Badge>
  ) : (
    <Badge tone="success" dot>
      Success
    </Badge>
  );
}

export function AuditEventIcon({ action, outcome }: { action: string; outcome: string }) {
  const Icon = auditActionEntry(action).icon;
  return (
    <span
      className={cn(
        "flex size-8 shrink-0 items-center justify-center rounded-full",
        outcome === "failure" ? "bg-danger-soft text-danger" : "bg-brand-soft text-brand",
      )}
    >
      <Icon className="size-4" aria-hidden="true" />
    </span>
  );
}

export function auditEventColumns({
  now,
  eventHref,
}: {
  now: Date;
  eventHref: (id: string) => string;
}): ColumnDef<AuditEventJson>[] {
  return [
    {
      id: "seq",
      header: "Time",
      enableHiding: false,
      sortDescFirst: true,
      meta: { label: "Time", className: "w-36 whitespace-nowrap text-muted-foreground" },
      cell: ({ row }) => <RelativeTime date={new Date(row.original.createdAt)} now={now} />,
    },
    {
      id: "event",
      header: "Event",
      enableHiding: false,
      meta: { label: "Event", className: "min-w-64" },
      cell: ({ row }) => {
        const e = row.original;
        const sentence = renderAuditEvent(e);
        return (
          <div className="flex items-center gap-3">
            <AuditEventIcon action={e.action} outcome={e.outcome} />
            <div className="min-w-0">
              <Link
                href={eventHref(e.id)}
                scroll={false}
                className="font-medium text-foreground hover:underline focus-visible:underline"
                data-testid="event-link"
              >
                {e.label}
              </Link>
              {sentence ? <p className="max-w-md truncate text-xs text-muted-foreground">{sentence}</p> : null}
            </div>
          </div>
        );
      },
    },
    {
      id: "actor",
      header: "Actor",
      meta: { label: "Actor", className: "whitespace-nowrap" },
      cell: ({ row }) => <AuditActorName actor={row.original.actor} />,
    },
    {
      id: "target",
      header: "Target",
      meta: { label: "Target", className: "max-w-56" },
      cell: ({ row }) => {
        const t = row.original.target;
        if (!t) return <span className="text-muted-foreground">—</span>;
        return (
          <div className="min-w-0">
            <p className="truncate text-foreground">{t.name ?? t.id ?? "—"}</p>
            <p className="text-xs text-muted-foreground">{t.type.replace(/_/g, " ")}</p>
          </div>
        );
      },
    },
    {
      id: "outcome",
      header: "Outcome",
      meta: { label: "Outcome" },
      cell: ({ row }) => <AuditOutcomeBadge event={row.original} />,
    },
    {
      id: "ip",
      header: "IP address",
      meta: { label: "IP address", className: "whitespace-nowrap text-muted-foreground" },
      cell: ({ row }) => <span className="font-mono text-xs">{row.original.ip ?? "—"}</span>,
    },
    {
      id: "requestId",
      header: "Request",
      meta: { label: "Request id", className: "whitespace-nowrap text-muted-foreground" },
      cell: ({ row }) => <span className="font-mono text-xs">{row.original.requestId ?? "—"}</span>,
    },
  ];
}
