// What a table page shows while it first loads (later filter changes keep the table on screen with
// its own loading bar): the page title, its header buttons, the toolbar's controls and eight rows
// shaped like the table's. Widths are Tailwind classes written out where a page uses this, so the
// skeleton resembles that page.
import { cn } from "@/lib/cn";

export type DataTableSkeletonProps = {
  /** Announced to screen readers, e.g. "Loading users…". */
  label: string;
  /** Width class of the title bar ("w-32"). */
  titleWidth: string;
  /** Width classes of the buttons beside the title (none: the title stands alone). */
  actions?: string[];
  /** Width classes of the toolbar's controls. */
  filters: string[];
  /** A small cell before the row's text (e.g. a SKU or a time), as classes ("h-3.5 w-24 rounded"). */
  lead?: string;
  /** An avatar before the row's text: its size class ("size-9"). */
  avatar?: string;
  /** Width classes of the row's two text lines. */
  lines: [string, string];
  /** The cells at the row's end, as classes ("h-5 w-16 rounded-full"); the first is pushed right. */
  cells: string[];
};

export function DataTableSkeleton({
  label,
  titleWidth,
  actions = [],
  filters,
  lead,
  avatar,
  lines,
  cells,
}: DataTableSkeletonProps) {
  const title = (
    <div className="space-y-2">
      <div className={cn("h-7 rounded-md bg-muted", titleWidth)} />
      <div className="h-4 w-96 max-w-full rounded-md bg-muted" />
    </div>
  );
  return (
    <div aria-busy="true" aria-live="polite" className="animate-pulse">
      <span className="sr-only">{label}</span>
      {actions.length ? (
        <div className="mb-8 flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
          {title}
          <div className="flex gap-2">
            {actions.map((width, i) => (
              <div key={i} className={cn("h-10 rounded-lg bg-muted", width)} />
            ))}
          </div>
        </div>
      ) : (
        <div className="mb-8">{title}</div>
      )}
      <div className="overflow-hidden rounded-xl border border-border bg-surface">
        <div className="flex flex-wrap gap-2 border-b border-border px-6 py-3">
          {filters.map((width, i) => (
            <div key={i} className={cn("h-10 rounded-lg bg-muted", width)} />
          ))}
        </div>
        <div className="h-10 border-b border-border bg-muted/50" />
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="flex items-center gap-4 border-b border-border px-6 py-3.5 last:border-0">
            {lead ? <div className={cn("bg-muted", lead)} /> : null}
            {avatar ? <div className={cn("rounded-full bg-muted", avatar)} /> : null}
            <div className="space-y-1.5">
              <div className={cn("h-3.5 rounded bg-muted", lines[0])} />
              <div className={cn("h-3 rounded bg-muted", lines[1])} />
            </div>
            {cells.map((cell, c) => (
              <div key={c} className={cn("bg-muted", c === 0 && "ml-auto", cell)} />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
