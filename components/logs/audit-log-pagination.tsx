"use client";
// The activity log's footer: how many events this page shows, the page size, and keyset Newest /
// Newer / Older. The log does not count its matches on every page (a million events would make
// each page pay for a full count); the kit's footer needs a total, so the log has this one.
import Link from "next/link";
import { ChevronLeft, ChevronRight, ChevronsLeft } from "lucide-react";
import type { MouseEvent, ReactNode } from "react";
import { buttonClasses } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import type { QueryParams } from "@/components/ui/data-table/use-query-params";
import { cn } from "@/lib/cn";
import { DEFAULT_PAGE_SIZE, PAGE_SIZES } from "@/lib/validations/list-query";

function PageLink({ href, params, label, children }: { href: string | null; params: QueryParams; label: string; children: ReactNode }) {
  const classes = buttonClasses("secondary", "sm", "px-2.5");
  if (!href) {
    return (
      <span aria-disabled="true" aria-label={label} className={cn(classes, "pointer-events-none opacity-50")}>
        {children}
      </span>
    );
  }
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    params.go(href);
  };
  return (
    <Link href={href} onClick={onClick} aria-label={label} className={classes} scroll={false}>
      {children}
    </Link>
  );
}

export function AuditLogPagination({
  count,
  limit,
  nextCursor,
  prevCursor,
  params,
  newestFirst,
}: {
  count: number;
  limit: number;
  nextCursor: string | null;
  prevCursor: string | null;
  params: QueryParams;
  newestFirst: boolean;
}) {
  return (
    <div className="flex flex-col gap-3 border-t border-border px-4 py-3 text-sm text-muted-foreground sm:flex-row sm:items-center sm:justify-between sm:px-6">
      <p aria-live="polite" data-testid="table-range">
        {count === 0 ? "No events" : `${count} ${count === 1 ? "event" : "events"} on this page`}
      </p>
      <div className="flex items-center gap-3">
        <Select
          label="Events per page"
          hideLabel
          size="sm"
          value={String(limit)}
          onChange={(e) => params.set({ limit: Number(e.target.value) === DEFAULT_PAGE_SIZE ? null : e.target.value })}
          options={PAGE_SIZES.map((n) => ({ value: String(n), label: `${n} / page` }))}
          className="w-28"
        />
        <nav aria-label="Pagination" className="flex items-center gap-1.5">
          <PageLink href={prevCursor ? params.href({}) : null} params={params} label={newestFirst ? "Newest events" : "Oldest events"}>
            <ChevronsLeft className="size-4" aria-hidden="true" />
          </PageLink>
          <PageLink href={prevCursor ? params.href({ cursor: prevCursor }) : null} params={params} label="Previous page">
            <ChevronLeft className="size-4" aria-hidden="true" />
            <span className="hidden sm:inline">{newestFirst ? "Newer" : "Older"}</span>
          </PageLink>
          <PageLink href={nextCursor ? params.href({ cursor: nextCursor }) : null} params={params} label="Next page">
            <span className="hidden sm:inline">{newestFirst ? "Older" : "Newer"}</span>
            <ChevronRight className="size-4" aria-hidden="true" />
          </PageLink>
        </nav>
      </div>
    </div>
  );
}
