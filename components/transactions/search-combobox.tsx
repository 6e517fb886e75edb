"use client";
// A search box with a list of matches, usable with the keyboard alone (WAI-ARIA combobox): typing
// searches (after a short pause), ↓/↑ move the highlight, Enter picks the highlighted match,
// Escape closes the list. Used by the "New sale" form for products and customers.
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { Search } from "lucide-react";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/lib/cn";

const DELAY_MS = 200;

export function SearchCombobox<T>({
  id,
  label,
  placeholder,
  search,
  getKey,
  renderItem,
  onPick,
  emptyText = "No matches.",
  isDisabled,
  autoFocus,
}: {
  id: string;
  label: string;
  placeholder?: string;
  search: (q: string) => Promise<T[] | { error: string }>;
  getKey: (item: T) => string;
  renderItem: (item: T) => ReactNode;
  onPick: (item: T) => void;
  emptyText?: string;
  /** Items shown but not pickable (e.g. out of stock), with the reason. */
  isDisabled?: (item: T) => string | null;
  autoFocus?: boolean;
}) {
  const listId = useId();
  const [q, setQ] = useState("");
  const [items, setItems] = useState<T[]>([]);
  const [open, setOpen] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const seq = useRef(0);
  useEffect(() => () => clearTimeout(timer.current), []);

  const run = (value: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      const mine = ++seq.current;
      setLoading(true);
      const result = await search(value.trim());
      if (mine !== seq.current) return;
      setLoading(false);
      if ("error" in result) {
        setError(result.error);
        setItems([]);
      } else {
        setError(null);
        setItems(result);
      }
      setActive(0);
      setOpen(true);
    }, DELAY_MS);
  };

  const pick = (item: T | undefined) => {
    if (!item || isDisabled?.(item)) return;
    onPick(item);
    setQ("");
    setItems([]);
    setOpen(false);
  };

  return (
    <div className="relative">
      <label htmlFor={id} className="mb-1.5 block text-sm font-medium text-foreground">
        {label}
      </label>
      <div className="relative">
        <Search
          aria-hidden="true"
          className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-muted-foreground"
        />
        <Input
          id={id}
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && items[active] ? `${listId}-${active}` : undefined}
          autoComplete="off"
          autoFocus={autoFocus}
          value={q}
          placeholder={placeholder}
          className="pl-9"
          onFocus={() => {
            if (!open && items.length === 0) run(q);
          }}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onChange={(e) => {
            setQ(e.target.value);
            run(e.target.value);
          }}
          onKeyDown={(e) => {
            if (e.key === "ArrowDown") {
              e.preventDefault();
              if (!open) run(q);
              setActive((i) => Math.min(i + 1, Math.max(0, items.length - 1)));
            } else if (e.key === "ArrowUp") {
              e.preventDefault();
              setActive((i) => Math.max(0, i - 1));
            } else if (e.key === "Enter") {
              e.preventDefault();
              if (open) pick(items[active]);
            } else if (e.key === "Escape") {
              setOpen(false);
            }
          }}
        />
        {loading ? <Spinner className="absolute right-3 top-1/2 size-4 -translate-y-1/2" /> : null}
      </div>
      <ul
        id={listId}
        role="listbox"
        aria-label={`Matches for ${label.toLowerCase()}`}
        hidden={!open}
        className="absolute z-20 mt-1 max-h-72 w-full overflow-y-auto rounded-lg border border-border bg-surface py-1 shadow-lg"
      >
        {error ? <li className="px-3 py-2 text-sm text-danger">{error}</li> : null}
        {!error && items.length === 0 ? <li className="px-3 py-2 text-sm text-muted-foreground">{emptyText}</li> : null}
        {items.map((item, i) => {
          const disabled = isDisabled?.(item) ?? null;
          return (
            <li
              key={getKey(item)}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              aria-disabled={disabled ? true : undefined}
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => setActive(i)}
              onClick={() => pick(item)}
              className={cn(
                "flex cursor-pointer items-center justify-between gap-3 px-3 py-2 text-sm",
                i === active && "bg-muted",
                disabled && "cursor-not-allowed opacity-60",
              )}
            >
              {renderItem(item)}
              {disabled ? <span className="shrink-0 text-xs text-danger">{disabled}</span> : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
