"use client";
// A column's (or a lane's) work-in-progress limit: how many open cards it may hold, and, for a
// column, what happens at the limit: "soft" warns, "hard" refuses the move or the new card.
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { WipMode } from "@/lib/validations/board";
import { BOARD_LIMITS } from "@/lib/validations/board-constants";
import { cn } from "@/lib/cn";

export type WipValue = { wipLimit: number | null; wipMode?: WipMode };

export function WipLimitDialog({
  open,
  onOpenChange,
  title,
  value,
  withMode,
  onSave,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  value: WipValue;
  withMode: boolean;
  onSave: (value: WipValue) => Promise<string | null>;
}) {
  const [limit, setLimit] = useState(value.wipLimit === null ? "" : String(value.wipLimit));
  const [mode, setMode] = useState<WipMode>(value.wipMode ?? "soft");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setLimit(value.wipLimit === null ? "" : String(value.wipLimit));
      setMode(value.wipMode ?? "soft");
      setError(null);
    }
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const text = limit.trim();
    const n = text === "" ? null : Number(text);
    if (n !== null && (!Number.isInteger(n) || n < 1 || n > BOARD_LIMITS.wipLimit)) {
      setError(`Use a whole number from 1 to ${BOARD_LIMITS.wipLimit}, or leave it empty for no limit.`);
      return;
    }
    setPending(true);
    const failed = await onSave(withMode ? { wipLimit: n, wipMode: mode } : { wipLimit: n });
    setPending(false);
    if (failed) setError(failed);
    else onOpenChange(false);
  };

  return (
    <Dialog open={open} onOpenChange={(next) => !pending && onOpenChange(next)}>
      <DialogContent title={title} description="Limit how many open cards it holds at once." size="sm">
        <form onSubmit={submit} noValidate className="space-y-4">
          <Field id="wip-limit" label="Card limit" hint="Empty: no limit." error={error ?? undefined}>
            <Input
              id="wip-limit"
              inputMode="numeric"
              autoComplete="off"
              value={limit}
              onChange={(e) => setLimit(e.target.value)}
              invalid={!!error}
              aria-describedby={error ? "wip-limit-error" : "wip-limit-hint"}
              placeholder="No limit"
              autoFocus
            />
          </Field>
          {withMode ? (
            <fieldset>
              <legend className="mb-1.5 text-sm font-medium text-foreground">At the limit</legend>
              <div className="grid gap-2 sm:grid-cols-2">
                {(
                  [
                    ["soft", "Warn", "Cards can still come in; the column turns amber."],
                    ["hard", "Refuse", "No card comes in until one leaves; the column turns red."],
                  ] as const
                ).map(([value, label, hint]) => (
                  <label
                    key={value}
                    className={cn(
                      "flex cursor-pointer gap-2 rounded-lg border p-3 text-sm transition",
                      mode === value ? "border-brand bg-brand-soft" : "border-border hover:bg-muted/50",
                    )}
                  >
                    <input
                      type="radio"
                      name="wip-mode"
                      value={value}
                      checked={mode === value}
                      onChange={() => setMode(value)}
                      className="mt-0.5 accent-[var(--brand)]"
                    />
                    <span>
                      <span className="block font-medium text-foreground">{label}</span>
                      <span className="block text-muted-foreground">{hint}</span>
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>
          ) : null}
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary" disabled={pending}>
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" loading={pending}>
              Save limit
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
