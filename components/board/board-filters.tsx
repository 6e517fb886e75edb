"use client";
// The board's filter bar: text search, assignee (or "My cards"), label, due and priority. The
// state is the URL's query (shareable, kept on reload and Back); changing it replaces the history
// entry in the browser only, since the board already holds every open card and filters them
// itself: no request, no re-render on the server. "Clear filters" and the count of cards hidden
// by the filters sit at the end.
import { Search, SlidersHorizontal, UserRound, X } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { LabelJson, MemberJson } from "@/lib/validations/board";
import { CARD_PRIORITIES } from "@/lib/validations/board-constants";
import { FILTER_KEYS, isFiltering, type BoardFilter } from "@/components/board/filter-cards";
import { PRIORITY_META } from "@/components/board/card-face";
import { cn } from "@/lib/cn";

const SEARCH_DELAY_MS = 200;

/** Writes the filters into the URL (keeping other keys, such as ?card=), without a navigation. */
export function writeFilter(next: BoardFilter): void {
  const url = new URL(window.location.href);
  for (const key of FILTER_KEYS) {
    const value = next[key];
    if (value) url.searchParams.set(key, value);
    else url.searchParams.delete(key);
  }
  window.history.replaceState(null, "", `${url.pathname}${url.search}${url.hash}`);
}

export function BoardFilters({
  filter,
  members,
  labels,
  meId,
  total,
  shown,
}: {
  filter: BoardFilter;
  members: MemberJson[];
  labels: LabelJson[];
  meId: string;
  total: number;
  shown: number;
}) {
  const [q, setQ] = useState(filter.q);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  // The box follows the URL when it changes elsewhere (Clear filters, Back).
  const [urlQ, setUrlQ] = useState(filter.q);
  if (urlQ !== filter.q) {
    setUrlQ(filter.q);
    if (filter.q !== q.trim()) setQ(filter.q);
  }

  const set = (patch: Partial<BoardFilter>) => writeFilter({ ...filter, ...patch });
  const mine = filter.assignee === "me" || filter.assignee === meId;
  const hidden = total - shown;
  // On a phone the filters other than the search fold away behind one button.
  const [open, setOpen] = useState(false);
  const chosen = (["assignee", "label", "due", "priority"] as const).filter((k) => filter[k]).length;

  return (
    <form
      role="search"
      aria-label="Filter cards"
      className="flex flex-wrap items-center gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        clearTimeout(timer.current);
        set({ q: q.trim() });
      }}
    >
      <div className="relative min-w-0 flex-1 sm:max-w-56">
        <label htmlFor="board-search" className="sr-only">
          Search cards
        </label>
        <Search
          aria-hidden="true"
          className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-muted-foreground"
        />
        <Input
          id="board-search"
          type="search"
          value={q}
          autoComplete="off"
          placeholder="Search cards"
          className="h-9 pl-9"
          onChange={(e) => {
            const value = e.target.value;
            setQ(value);
            clearTimeout(timer.current);
            timer.current = setTimeout(() => set({ q: value.trim() }), SEARCH_DELAY_MS);
          }}
        />
      </div>
      <Button
        type="button"
        variant="secondary"
        size="sm"
        className="h-9 sm:hidden"
        aria-expanded={open}
        aria-controls="board-filter-fields"
        onClick={() => setOpen((o) => !o)}
      >
        <SlidersHorizontal className="size-4" aria-hidden="true" />
        Filters{chosen ? ` (${chosen})` : ""}
      </Button>
      <div id="board-filter-fields" className={cn("contents", !open && "max-sm:hidden")}>
        <Button
          type="button"
          variant={mine ? "primary" : "secondary"}
          size="sm"
          className="h-9"
          aria-pressed={mine}
          onClick={() => set({ assignee: mine ? "" : "me" })}
        >
          <UserRound className="size-4" aria-hidden="true" />
          My cards
        </Button>
        <Select
          label="Assignee"
          hideLabel
          size="sm"
          className="h-9"
          wrapperClassName="w-[calc(50%-0.25rem)] sm:w-36"
          placeholder="Anyone"
          value={filter.assignee === meId ? "me" : filter.assignee}
          onChange={(e) => set({ assignee: e.target.value })}
          options={[
            { value: "me", label: "Me" },
            ...members.filter((m) => m.userId !== meId).map((m) => ({ value: m.userId, label: m.name })),
          ]}
        />
        <Select
          label="Label"
          hideLabel
          size="sm"
          className="h-9"
          wrapperClassName="w-[calc(50%-0.25rem)] sm:w-32"
          placeholder="Any label"
          value={filter.label}
          onChange={(e) => set({ label: e.target.value })}
          options={labels.map((l) => ({ value: l.id, label: l.name }))}
        />
        <Select
          label="Due"
          hideLabel
          size="sm"
          className="h-9"
          wrapperClassName="w-[calc(50%-0.25rem)] sm:w-36"
          placeholder="Any due date"
          value={filter.due}
          onChange={(e) => set({ due: e.target.value as BoardFilter["due"] })}
          options={[
            { value: "overdue", label: "Overdue" },
            { value: "week", label: "Due this week" },
            { value: "none", label: "No due date" },
          ]}
        />
        <Select
          label="Priority"
          hideLabel
          size="sm"
          className="h-9"
          wrapperClassName="w-[calc(50%-0.25rem)] sm:w-32"
          placeholder="Any priority"
          value={filter.priority}
          onChange={(e) => set({ priority: e.target.value as BoardFilter["priority"] })}
          options={[
            ...CARD_PRIORITIES.filter((p) => p !== "none")
              .toReversed()
              .map((p) => ({ value: p, label: PRIORITY_META[p as Exclude<typeof p, "none">].label })),
            { value: "none", label: "No priority" },
          ]}
        />
      </div>
      {isFiltering(filter) ? (
        <>
          <Button
            type="button"
            variant="ghost"
            size="sm"
            className="h-9 text-muted-foreground"
            onClick={() => {
              clearTimeout(timer.current);
              setQ("");
              writeFilter({ q: "", assignee: "", label: "", due: "", priority: "" });
            }}
          >
            <X className="size-4" aria-hidden="true" />
            Clear filters
          </Button>
          <p
            role="status"
            className={cn("text-xs text-muted-foreground", hidden > 0 && "font-medium text-foreground")}
            data-testid="filter-count"
          >
            {shown} of {total} card{total === 1 ? "" : "s"} shown
            {hidden > 0 ? ` · ${hidden} hidden by filters` : ""}
          </p>
        </>
      ) : null}
    </form>
  );
}
