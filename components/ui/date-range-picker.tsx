"use client";
// A date-range picker whose state is the URL (the data-table kit's useQueryParams): a preset
// (`preset=last_7_days`), or a custom range (`from`, `to`, inclusive local dates), plus the
// "compare with the previous period" switch (`compare=false` when off; on by default). The
// browser's time zone travels as `tz`, so "today" and every bucket mean the viewer's calendar;
// it is also kept in a cookie for pages that have no picker (the dashboard's summary).
import { useEffect, useState, type FormEvent } from "react";
import { CalendarRange } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { useQueryParams } from "@/components/ui/data-table/use-query-params";
import { browserTimeZone, rememberTimeZone } from "@/components/ui/time-zone";
import { cn } from "@/lib/cn";

export type DateRange = { from: string; to: string };
/** A preset as the menu shows it: "Last 7 days · Mar 3 – 9, 2026". */
export type DateRangePreset = { value: string; label: string; rangeLabel: string };

export const CUSTOM_RANGE = "custom";

export function DateRangePicker({
  presets,
  preset,
  range,
  compare,
  tz,
  describeRange,
  resetOnRangeChange = [],
  className,
}: {
  presets: readonly DateRangePreset[];
  /** The preset in force, or null for a custom range. */
  preset: string | null;
  range: DateRange;
  compare: boolean;
  /** The zone the page was rendered for. */
  tz: string;
  /** The text under the controls, e.g. "Mar 3 – Apr 1, 2026 vs Feb 1 – Mar 2, 2026". */
  describeRange?: string;
  /** URL keys dropped when the range changes. */
  resetOnRangeChange?: readonly string[];
  className?: string;
}) {
  const { set, searchParams, isPending } = useQueryParams();
  const [choice, setChoice] = useState(preset ?? CUSTOM_RANGE);
  const [from, setFrom] = useState(range.from);
  const [to, setTo] = useState(range.to);
  const [error, setError] = useState<string | null>(null);

  // A new URL (Back, a link) brings new props: follow them (adjusting state during render, as
  // React recommends over an effect).
  // The switch moves at once; the page's next render confirms it.
  const [compareOn, setCompareOn] = useState(compare);
  const shown = `${preset ?? CUSTOM_RANGE}|${range.from}|${range.to}|${compare}`;
  const [seen, setSeen] = useState(shown);
  if (seen !== shown) {
    setSeen(shown);
    setChoice(preset ?? CUSTOM_RANGE);
    setFrom(range.from);
    setTo(range.to);
    setError(null);
    setCompareOn(compare);
  }

  // The first visit has no tz: render again in the browser's zone if it differs from the page's.
  useEffect(() => {
    const zone = browserTimeZone();
    if (!zone) return;
    rememberTimeZone(zone);
    if (!searchParams.get("tz") && zone !== tz) set({ tz: zone }, { push: false });
    // Only on arrival: later changes carry tz through `apply`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Parameters that depend on the range (e.g. a time bucket) return to their default with it.
  const cleared = Object.fromEntries(resetOnRangeChange.map((k) => [k, null]));
  const zone = () => searchParams.get("tz") ?? browserTimeZone() ?? tz;

  function pickPreset(value: string) {
    setChoice(value);
    setError(null);
    if (value === CUSTOM_RANGE) return;
    set({ preset: value, from: null, to: null, tz: zone(), ...cleared });
  }

  function applyCustom(event: FormEvent) {
    event.preventDefault();
    if (!from || !to) return setError("Choose both dates.");
    if (from > to) return setError("The end date is on or after the start date.");
    setError(null);
    set({ preset: null, from, to, tz: zone(), ...cleared });
  }

  return (
    <div className={cn("space-y-2", className)} aria-busy={isPending || undefined}>
      <form onSubmit={applyCustom} className="flex flex-wrap items-end gap-3" aria-label="Report period">
        <Select
          label="Date range"
          value={choice}
          onChange={(e) => pickPreset(e.target.value)}
          wrapperClassName="w-full sm:w-80"
        >
          {presets.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label} · {p.rangeLabel}
            </option>
          ))}
          <option value={CUSTOM_RANGE}>Custom range…</option>
        </Select>
        {choice === CUSTOM_RANGE ? (
          <>
            <div className="space-y-1.5">
              <label htmlFor="range-from" className="block text-sm font-medium text-foreground">
                From
              </label>
              <Input
                id="range-from"
                type="date"
                value={from}
                max={to || undefined}
                onChange={(e) => setFrom(e.target.value)}
                invalid={Boolean(error)}
                aria-describedby={error ? "range-error" : undefined}
                className="w-40"
              />
            </div>
            <div className="space-y-1.5">
              <label htmlFor="range-to" className="block text-sm font-medium text-foreground">
                To
              </label>
              <Input
                id="range-to"
                type="date"
                value={to}
                min={from || undefined}
                onChange={(e) => setTo(e.target.value)}
                invalid={Boolean(error)}
                aria-describedby={error ? "range-error" : undefined}
                className="w-40"
              />
            </div>
            <Button type="submit" variant="secondary" loading={isPending}>
              <CalendarRange className="size-4" aria-hidden="true" />
              Apply
            </Button>
          </>
        ) : null}
        <label className="inline-flex h-10 cursor-pointer select-none items-center gap-2 text-sm text-foreground">
          <input
            type="checkbox"
            role="switch"
            checked={compareOn}
            onChange={(e) => {
              setCompareOn(e.target.checked);
              set({ compare: e.target.checked ? null : "false", tz: zone() });
            }}
            className="peer sr-only"
          />
          <span
            aria-hidden="true"
            className={cn(
              "relative inline-flex h-5 w-9 shrink-0 rounded-full transition peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand",
              compareOn ? "bg-brand" : "bg-muted-foreground/40",
            )}
          >
            <span
              className={cn(
                "absolute top-0.5 size-4 rounded-full bg-white shadow transition-all",
                compareOn ? "left-[1.125rem]" : "left-0.5",
              )}
            />
          </span>
          Compare with previous period
        </label>
      </form>
      {error ? (
        <p id="range-error" role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : (
        <p className="flex min-h-5 items-center gap-2 text-sm text-muted-foreground" aria-live="polite">
          {isPending ? (
            <>
              <Spinner className="size-3.5" /> Updating…
            </>
          ) : (
            describeRange
          )}
        </p>
      )}
    </div>
  );
}
