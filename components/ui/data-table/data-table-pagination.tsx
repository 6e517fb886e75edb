"use client";
// The table's footer: "Showing 26–50 of 212" (or "50 events on this page" for a list that does not
// count its matches), the page size, and keyset First / Previous / Next.
// The buttons are links (they work before JavaScript loads and open in a new tab); with
// JavaScript they navigate inside the table's transition, which shows the loading state.
import Link from "next/link";
import { ChevronLeft, ChevronRight, ChevronsLeft } from "lucide-react";
import type { MouseEvent, ReactNode } from "react";
import { buttonClasses } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { cn } from "@/lib/cn";
import { DEFAULT_PAGE_SIZE, PAGE_SIZES } from "@/lib/validations/list-query";
import type { DataTablePage } from "@/components/ui/data-table/types";
import type { QueryParams } from "@/components/ui/data-table/use-query-params";

const numberFormat = new Intl.NumberFormat("en");

function PageLink({
  href,
  params,
  label,
  children,
  className,
}: {
  href: string | null;
  params: QueryParams;
  label: string;
  children: ReactNode;
  className?: string;
}) {
  const classes = buttonClasses("secondary", "sm", cn("px-2.5", className));
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

export type PaginationLabels = { first: string; previous: string; next: string };
const LABELS: PaginationLabels = { first: "First page", previous: "Previous", next: "Next" };

export function DataTablePagination({
  page,
  count,
  params,
  noun = { one: "row", many: "rows" },
  labels = LABELS,
}: {
  /** total null: a list that does not count its matches (the activity log). */
  page: Omit<DataTablePage, "total"> & { total: number | null };
  /** Rows on this page. */
  count: number;
  params: QueryParams;
  noun?: { one: string; many: string };
  /** What the first-page button says to screen readers, and the words of the other two. */
  labels?: PaginationLabels;
}) {
  const end = page.start === 0 ? 0 : page.start + count - 1;
  // Without a cursor parameter the list starts at its first row.
  const first = page.prevCursor ? params.href({}) : null;
  const previous = page.prevCursor ? params.href({ cursor: page.prevCursor }) : null;
  const next = page.nextCursor ? params.href({ cursor: page.nextCursor }) : null;
  return (
    <div className="flex flex-col gap-3 border-t border-border px-4 py-3 text-sm text-muted-foreground sm:flex-row sm:items-center sm:justify-between sm:px-6">
      <p aria-live="polite" data-testid="table-range">
        {page.total === 0 || (page.total === null && count === 0) ? (
          `No ${noun.many}`
        ) : page.total === null ? (
          `${numberFormat.format(count)} ${count === 1 ? noun.one : noun.many} on this page`
        ) : (
          <>
            Showing <span className="font-medium text-foreground">{numberFormat.format(page.start)}</span>–
            <span className="font-medium text-foreground">{numberFormat.format(end)}</span> of{" "}
            <span className="font-medium text-foreground">{numberFormat.format(page.total)}</span>{" "}
            {page.total === 1 ? noun.one : noun.many}
          </>
        )}
      </p>
      <div className="flex items-center gap-3">
        <Select
          label="Rows per page"
          hideLabel
          size="sm"
          value={String(page.limit)}
          onChange={(e) => params.set({ limit: Number(e.target.value) === DEFAULT_PAGE_SIZE ? null : e.target.value })}
          options={PAGE_SIZES.map((n) => ({ value: String(n), label: `${n} / page` }))}
          className="w-28"
        />
        <nav aria-label="Pagination" className="flex items-center gap-1.5">
          <PageLink href={first} params={params} label={labels.first}>
            <ChevronsLeft className="size-4" aria-hidden="true" />
          </PageLink>
          <PageLink href={previous} params={params} label="Previous page">
            <ChevronLeft className="size-4" aria-hidden="true" />
            <span className="hidden sm:inline">{labels.previous}</span>
          </PageLink>
          <PageLink href={next} params={params} label="Next page">
            <span className="hidden sm:inline">{labels.next}</span>
            <ChevronRight className="size-4" aria-hidden="true" />
          </PageLink>
        </nav>
      </div>
    </div>
  );
}
