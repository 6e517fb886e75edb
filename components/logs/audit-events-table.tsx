"use client";
// The activity log's table on the data-table kit (useDataTable: URL state, column visibility,
// sortable Time header) with the kit's table primitives and "Columns" menu. It renders its own
// body and footer instead of <DataTable>: the kit's footer shows "x–y of N", and counting a
// million events on every page would cost more than the page itself (the footer here says how
// many events the page shows and pages by keyset, newer and older). A row opens the event's
// drawer (?event=<id>); the label in each row is a link for keyboards.
import { flexRender } from "@tanstack/react-table";
import Link from "next/link";
import { ArrowDown, ArrowUp, History, SearchX } from "lucide-react";
import { useMemo, type MouseEvent } from "react";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { DataTableViewOptions } from "@/components/ui/data-table/data-table-view-options";
import { useDataTable } from "@/components/ui/data-table/use-data-table";
import { useQueryParams } from "@/components/ui/data-table/use-query-params";
import { auditEventColumns } from "@/components/logs/audit-event-columns";
import { AuditEventDrawer } from "@/components/logs/audit-event-drawer";
import { DataTablePagination } from "@/components/ui/data-table/data-table-pagination";
import {
  AuditEventsToolbar,
  type AuditActionOption,
  type AuditFilterValues,
} from "@/components/logs/audit-events-toolbar";
import type { AuditEventPage } from "@/lib/data/audit/list-audit-events";
import type { AuditEventDetail } from "@/lib/validations/audit-event";
import { AUDIT_FILTER_KEYS, AUDIT_SORT_KEYS, DEFAULT_AUDIT_SORT } from "@/lib/validations/audit-list-query";
import type { SortSpec } from "@/lib/validations/list-query";
import { cn } from "@/lib/cn";

const HIDDEN_BY_DEFAULT = ["requestId"] as const;
const INTERACTIVE = "a, button, input, select, textarea, label";

export function AuditEventsTable({
  page,
  limit,
  sort,
  filters,
  actions,
  chipNames,
  event,
  eventMissing,
  now,
}: {
  page: AuditEventPage;
  limit: number;
  sort: SortSpec;
  filters: AuditFilterValues;
  actions: { groups: AuditActionOption[]; actions: AuditActionOption[] };
  chipNames: Partial<Record<string, string>>;
  event: AuditEventDetail | null;
  eventMissing: boolean;
  now: string;
}) {
  // For building links only; navigation goes through the kit's params (its loading state).
  const links = useQueryParams();
  const cursor = links.searchParams.get("cursor");
  // The drawer keeps the page it was opened from: the cursor travels with ?event.
  const eventHref = (id: string | null) => links.href({ event: id, cursor });
  const dtPage = {
    start: 1,
    total: page.items.length,
    limit,
    nextCursor: page.nextCursor,
    prevCursor: page.prevCursor,
  };
  const columns = useMemo(
    () => auditEventColumns({ now: new Date(now), eventHref }),
    // eventHref follows the URL, which changes with the page (a new `page`).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [now, page],
  );
  const dt = useDataTable({
    id: "logs-events",
    data: page.items,
    columns,
    getRowId: (e) => e.id,
    sort,
    sortKeys: AUDIT_SORT_KEYS,
    defaultSort: DEFAULT_AUDIT_SORT,
    page: dtPage,
    hiddenByDefault: HIDDEN_BY_DEFAULT,
  });
  const { table, loading } = dt;
  const rows = table.getRowModel().rows;
  const filtered = Object.values(filters).some(Boolean);

  const onRowClick = (id: string) => (e: MouseEvent<HTMLTableRowElement>) => {
    if ((e.target as HTMLElement).closest(INTERACTIVE)) return;
    if (window.getSelection()?.toString()) return;
    dt.params.go(eventHref(id), { push: true });
  };

  const empty = filtered ? (
    <EmptyState
      icon={SearchX}
      title="No events match"
      description="No event matches these filters. Widen the time range or remove a filter."
      action={
        <Link
          href="/logs/events"
          onClick={(e) => {
            e.preventDefault();
            dt.params.del(["q", ...AUDIT_FILTER_KEYS]);
          }}
          className={buttonClasses("secondary", "md")}
        >
          Clear filters
        </Link>
      }
    />
  ) : (
    <EmptyState
      icon={History}
      title="No events yet"
      description="Sign-ins, changes to accounts and records, and exports appear here as they happen."
    />
  );

  const SortIcon = sort.direction === "asc" ? ArrowUp : ArrowDown;

  return (
    <>
      <Card className="relative overflow-hidden">
        {loading ? (
          <div className="absolute inset-x-0 top-0 z-10 h-0.5 animate-pulse bg-brand" data-testid="table-loading" />
        ) : null}
        <div className="border-b border-border px-4 py-3 sm:px-6">
          <AuditEventsToolbar
            params={dt.params}
            filters={filters}
            actions={actions}
            chipNames={chipNames}
            columnsMenu={<DataTableViewOptions table={table} />}
          />
        </div>
        {rows.length === 0 ? (
          <div aria-busy={loading || undefined} className={cn(loading && "opacity-60")}>
            {empty}
          </div>
        ) : (
          <Table
            aria-label="Events"
            aria-busy={loading || undefined}
            className={cn("transition-opacity", loading && "opacity-60")}
          >
            <THead>
              {table.getHeaderGroups().map((group) => (
                <Tr key={group.id}>
                  {group.headers.map((header) => {
                    const column = header.column;
                    const sortable = dt.sortable(column.id);
                    return (
                      <Th
                        key={header.id}
                        aria-sort={sortable ? (sort.direction === "asc" ? "ascending" : "descending") : undefined}
                        className={column.columnDef.meta?.className}
                      >
                        {sortable ? (
                          <Link
                            href={dt.sortHref(column.id)}
                            scroll={false}
                            onClick={(e) => {
                              if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
                              e.preventDefault();
                              dt.params.go(dt.sortHref(column.id));
                            }}
                            className="-mx-1.5 inline-flex items-center gap-1 rounded-md px-1.5 py-1 uppercase text-foreground transition hover:bg-muted"
                          >
                            {flexRender(column.columnDef.header, header.getContext())}
                            <SortIcon className="size-3.5" aria-hidden="true" />
                            <span className="sr-only">
                              {sort.direction === "asc" ? ", oldest first" : ", newest first"}
                            </span>
                          </Link>
                        ) : (
                          flexRender(column.columnDef.header, header.getContext())
                        )}
                      </Th>
                    );
                  })}
                </Tr>
              ))}
            </THead>
            <TBody>
              {rows.map((row) => (
                <Tr
                  key={row.id}
                  data-testid="event-row"
                  interactive
                  selected={event?.id === row.original.id}
                  onClick={onRowClick(row.original.id)}
                  className="cursor-pointer"
                >
                  {row.getVisibleCells().map((cell) => (
                    <Td key={cell.id} className={cell.column.columnDef.meta?.className}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </Td>
                  ))}
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
        <DataTablePagination
          page={{ start: 0, total: null, limit, nextCursor: page.nextCursor, prevCursor: page.prevCursor }}
          count={rows.length}
          params={dt.params}
          noun={{ one: "event", many: "events" }}
          labels={
            sort.direction === "desc"
              ? { first: "Newest events", previous: "Newer", next: "Older" }
              : { first: "Oldest events", previous: "Older", next: "Newer" }
          }
        />
      </Card>
      <AuditEventDrawer
        event={event}
        missing={eventMissing}
        closeHref={eventHref(null)}
        onClose={() => dt.params.go(eventHref(null), { push: true })}
        filterHref={(values) => dt.params.href({ ...values, event: null })}
      />
    </>
  );
}
