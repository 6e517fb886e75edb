// Settings → Activity: a person's own security events, newest first, with the log's icons and
// labels (components/logs/audit-action-registry.tsx), the browser and IP address of what they (or
// someone trying their account) did, and keyset links to newer and older events.
import Link from "next/link";
import type { ReactNode } from "react";
import { ChevronLeft, ChevronRight, Globe, ShieldCheck } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { AuditEventIcon } from "@/components/logs/audit-event-columns";
import type { OwnAuditEvent, OwnAuditEventPage } from "@/lib/data/audit/list-own-audit-events";
import { describeUserAgent } from "@/lib/http/user-agent";
import { formatDateTime, formatRelative } from "@/lib/format";
import { cn } from "@/lib/cn";

const BY: Record<OwnAuditEvent["by"], string | null> = {
  self: null,
  administrator: "By an administrator",
  impersonator: "By an administrator acting as you",
  system: "By Opsdeck",
};

const humanize = (s: string) => s.replace(/_/g, " ");

function PageLink({ href, label, children }: { href: string | null; label: string; children: ReactNode }) {
  const classes = buttonClasses("secondary", "sm", "px-2.5");
  return href ? (
    <Link href={href} aria-label={label} className={classes}>
      {children}
    </Link>
  ) : (
    <span aria-disabled="true" aria-label={label} className={cn(classes, "pointer-events-none opacity-50")}>
      {children}
    </span>
  );
}

export function OwnActivityList({ page, now }: { page: OwnAuditEventPage; now: Date }) {
  if (page.items.length === 0 && !page.prevCursor) {
    return (
      <EmptyState
        icon={ShieldCheck}
        title="No security activity yet"
        description="Sign-ins, password and two-factor changes and other security events of your account appear here."
      />
    );
  }
  return (
    <>
      <ol className="divide-y divide-border" aria-label="Security activity" data-testid="own-activity">
        {page.items.map((item) => (
          <li key={item.id} className="flex items-start gap-3 px-4 py-3.5 sm:px-6" data-testid="own-activity-item">
            <AuditEventIcon action={item.action} outcome={item.outcome} />
            <div className="min-w-0 flex-1">
              <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-foreground">
                {item.label}
                {item.outcome === "failure" ? (
                  <Badge tone="danger">{item.reason ? humanize(item.reason) : "Failed"}</Badge>
                ) : null}
              </p>
              <p className="mt-0.5 flex flex-wrap items-center gap-x-3 gap-y-0.5 text-xs text-muted-foreground">
                {BY[item.by] ? <span>{BY[item.by]}</span> : null}
                {item.userAgent ? <span>{describeUserAgent(item.userAgent)}</span> : null}
                {item.ip ? (
                  <span className="inline-flex items-center gap-1">
                    <Globe className="size-3" aria-hidden="true" />
                    {item.ip}
                  </span>
                ) : null}
              </p>
            </div>
            <time
              className="shrink-0 text-xs text-muted-foreground"
              dateTime={item.createdAt}
              title={formatDateTime(new Date(item.createdAt))}
            >
              {formatRelative(new Date(item.createdAt), now)}
            </time>
          </li>
        ))}
      </ol>
      <nav
        aria-label="Pagination"
        className="flex items-center justify-end gap-1.5 border-t border-border px-4 py-3 sm:px-6"
      >
        <PageLink href={page.prevCursor ? `/settings/activity?cursor=${page.prevCursor}` : null} label="Newer events">
          <ChevronLeft className="size-4" aria-hidden="true" />
          Newer
        </PageLink>
        <PageLink href={page.nextCursor ? `/settings/activity?cursor=${page.nextCursor}` : null} label="Older events">
          Older
          <ChevronRight className="size-4" aria-hidden="true" />
        </PageLink>
      </nav>
    </>
  );
}
