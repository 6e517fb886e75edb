"use client";
// Search and filters of the activity log. A plain GET form (works before JavaScript loads: Enter
// or "Apply"); with JavaScript the selects apply at once, the search after a short pause, and the
// actor and IP fields on Enter or when they lose focus. Filters set from an event (its actor,
// person or target) show as removable chips and travel as hidden fields.
import Link from "next/link";
import { Search, X } from "lucide-react";
import { useState, type ReactNode } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { QueryParams } from "@/components/ui/data-table/use-query-params";
import { useFilterForm } from "@/components/ui/data-table/use-filter-form";
import { AUDIT_FILTER_KEYS, AUDIT_RANGE_PRESETS } from "@/lib/validations/audit-list-query";

export type AuditFilterValues = {
  q: string;
  actor: string;
  actor_name: string;
  actor_type: string;
  user: string;
  action: string;
  target_type: string;
  target_id: string;
  outcome: string;
  ip: string;
  range: string;
  from: string;
  to: string;
};

export type AuditActionOption = { value: string; label: string };

/** Filters without a control of their own, shown as chips: key → how the chip reads. */
const CHIP_KEYS = ["actor", "user", "actor_type", "target_type", "target_id"] as const;
const CHIP_LABEL: Record<(typeof CHIP_KEYS)[number], string> = {
  actor: "Actor",
  user: "Person",
  actor_type: "Actor type",
  target_type: "Target type",
  target_id: "Target",
};

function LazyInput({
  name,
  label,
  value,
  placeholder,
  params,
  className,
}: {
  name: string;
  label: string;
  value: string;
  placeholder: string;
  params: QueryParams;
  className?: string;
}) {
  const apply = (next: string) => {
    if (next.trim() !== value) params.set({ [name]: next.trim() || null });
  };
  return (
    <div className={className}>
      <label htmlFor={`audit-${name}`} className="sr-only">
        {label}
      </label>
      <Input
        // Follows the URL (Back, Clear filters) by re-mounting with its value.
        key={value}
        id={`audit-${name}`}
        name={name}
        defaultValue={value}
        placeholder={placeholder}
        autoComplete="off"
        onBlur={(e) => apply(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            apply(e.currentTarget.value);
          }
        }}
      />
    </div>
  );
}

export function AuditEventsToolbar({
  params,
  filters,
  actions,
  chipNames,
  columnsMenu,
}: {
  params: QueryParams;
  filters: AuditFilterValues;
  actions: { groups: AuditActionOption[]; actions: AuditActionOption[] };
  /** Readable names for chip values (a person's or target's name instead of an id). */
  chipNames: Partial<Record<string, string>>;
  columnsMenu?: ReactNode;
}) {
  const { hydrated, search, filter, onSubmit, clear, active, sort, limit } = useFilterForm(
    params,
    filters,
    AUDIT_FILTER_KEYS,
  );
  const [customChosen, setCustomChosen] = useState(false);
  const custom = customChosen || Boolean(filters.from || filters.to);
  const rangeValue = filters.range || (custom ? "custom" : "");
  const actionKnown = [...actions.groups, ...actions.actions].some((a) => a.value === filters.action);

  return (
    <form method="get" action="/logs/events" role="search" aria-label="Filter events" onSubmit={onSubmit}>
      {sort ? <input type="hidden" name="sort" value={sort} /> : null}
      {limit ? <input type="hidden" name="limit" value={limit} /> : null}
      {CHIP_KEYS.map((key) => (filters[key] ? <input key={key} type="hidden" name={key} value={filters[key]} /> : null))}
      <div className="flex flex-wrap items-center gap-2">
        <div className="relative min-w-0 flex-1 basis-full sm:max-w-xs sm:basis-auto">
          <label htmlFor="audit-search" className="sr-only">
            Search events
          </label>
          <Search
            aria-hidden="true"
            className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-muted-foreground"
          />
          <Input
            id="audit-search"
            type="search"
            {...search}
            placeholder="Search details and names"
            className="pl-9"
            autoComplete="off"
          />
        </div>
        <LazyInput
          name="actor_name"
          label="Actor (name or username)"
          value={filters.actor_name}
          placeholder="Actor name or username"
          params={params}
          className="w-full sm:w-52"
        />
        <Select label="Action" hideLabel placeholder="All actions" wrapperClassName="w-full sm:w-56" {...filter("action")}>
          <optgroup label="Groups">
            {actions.groups.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
          <optgroup label="Actions">
            {actions.actions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
          {filters.action && !actionKnown ? <option value={filters.action}>{filters.action}</option> : null}
        </Select>
        <Select
          label="Outcome"
          hideLabel
          placeholder="Any outcome"
          options={[
            { value: "success", label: "Succeeded" },
            { value: "failure", label: "Failed" },
          ]}
          wrapperClassName="w-[calc(50%-0.25rem)] sm:w-36"
          {...filter("outcome")}
        />
        <Select
          label="Time"
          hideLabel
          placeholder="Any time"
          name="range"
          value={rangeValue}
          onChange={(e) => {
            const v = e.target.value;
            if (v === "custom") {
              setCustomChosen(true);
              params.set({ range: null });
            } else {
              setCustomChosen(false);
              params.set({ range: v || null, from: null, to: null });
            }
          }}
          options={[
            ...Object.entries(AUDIT_RANGE_PRESETS).map(([value, p]) => ({ value, label: p.label })),
            { value: "custom", label: "Custom range…" },
          ]}
          wrapperClassName="w-[calc(50%-0.25rem)] sm:w-40"
        />
        {custom ? (
          <div className="flex w-full items-center gap-2 sm:w-auto">
            <label className="sr-only" htmlFor="audit-from">
              From
            </label>
            <Input
              id="audit-from"
              type="date"
              name="from"
              value={filters.from.slice(0, 10)}
              onChange={(e) => params.set({ from: e.target.value || null, range: null })}
              className="w-full sm:w-40"
            />
            <span className="text-sm text-muted-foreground">to</span>
            <label className="sr-only" htmlFor="audit-to">
              To
            </label>
            <Input
              id="audit-to"
              type="date"
              name="to"
              value={filters.to.slice(0, 10)}
              onChange={(e) => params.set({ to: e.target.value || null, range: null })}
              className="w-full sm:w-40"
            />
          </div>
        ) : null}
        <LazyInput
          name="ip"
          label="IP address"
          value={filters.ip}
          placeholder="IP address"
          params={params}
          className="w-full sm:w-36"
        />
        {hydrated ? null : (
          <Button type="submit" variant="secondary">
            Apply
          </Button>
        )}
        {active ? (
          <Link href="/logs/events" onClick={clear} className={buttonClasses("ghost", "md", "text-muted-foreground")}>
            <X className="size-4" aria-hidden="true" />
            Clear filters
          </Link>
        ) : null}
        <div className="ml-auto shrink-0">{columnsMenu}</div>
      </div>
      {CHIP_KEYS.some((k) => filters[k]) ? (
        <ul className="mt-3 flex flex-wrap gap-2" aria-label="Other filters">
          {CHIP_KEYS.map((key) =>
            filters[key] ? (
              <li key={key}>
                <span className="inline-flex items-center gap-1 rounded-full border border-border bg-muted/50 py-0.5 pl-3 pr-1 text-xs text-foreground">
                  <span className="text-muted-foreground">{CHIP_LABEL[key]}:</span>
                  <span className="max-w-48 truncate">{chipNames[key] ?? filters[key]}</span>
                  <button
                    type="button"
                    onClick={() => params.set({ [key]: null })}
                    className="rounded-full p-1 text-muted-foreground transition hover:bg-muted hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand/40"
                    aria-label={`Remove the ${CHIP_LABEL[key].toLowerCase()} filter`}
                  >
                    <X className="size-3" aria-hidden="true" />
                  </button>
                </span>
              </li>
            ) : null,
          )}
        </ul>
      ) : null}
    </form>
  );
}
