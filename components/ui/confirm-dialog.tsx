"use client";
// Asks before doing something, then runs it. The confirm button shows a pending state while
// `onConfirm` runs; a failure (a thrown error, or an ActionResult with ok: false) is shown inside
// the dialog, which stays open; success closes it. Optionally asks for a text (e.g. a ban reason),
// required unless `input.required` is false, and passes it to `onConfirm`.
//
//   <ConfirmDialog
//     trigger={<Button variant="danger">Ban</Button>}            // or controlled: open / onOpenChange
//     title="Ban 3 users?" description="They are signed out everywhere." variant="danger"
//     confirmLabel="Ban users" input={{ label: "Reason" }}
//     onConfirm={async (reason) => bulkBanUsersAction(ids, reason)}
//   />
//
// Extra controls (e.g. a role <Select>) go in `children`; pass `confirmDisabled` while they are
// incomplete.
import { useId, useState, type FormEvent, type ReactElement, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/cn";

/** What onConfirm may return: nothing / ok → close; `{ ok: false, error }` → show the error. */
export type ConfirmOutcome = void | { ok: true } | { ok: false; error: string };

export type ConfirmDialogInput = {
  label: string;
  placeholder?: string;
  hint?: string;
  /** Default true: the confirm button stays disabled until something (non-blank) is typed. */
  required?: boolean;
  multiline?: boolean;
  maxLength?: number;
  defaultValue?: string;
};

export type ConfirmDialogProps = {
  /** An element that opens the dialog (rendered asChild). Omit when controlling `open`. */
  trigger?: ReactElement;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  title: ReactNode;
  description?: ReactNode;
  confirmLabel?: string;
  cancelLabel?: string;
  variant?: "default" | "danger";
  input?: ConfirmDialogInput;
  children?: ReactNode;
  confirmDisabled?: boolean;
  /** Receives the typed text ("" without `input`). */
  onConfirm: (value: string) => Promise<ConfirmOutcome> | ConfirmOutcome;
};

export function ConfirmDialog({
  trigger,
  open: openProp,
  onOpenChange,
  title,
  description,
  confirmLabel = "Confirm",
  cancelLabel = "Cancel",
  variant = "default",
  input,
  children,
  confirmDisabled = false,
  onConfirm,
}: ConfirmDialogProps) {
  const id = useId();
  const [openState, setOpenState] = useState(false);
  const open = openProp ?? openState;
  const [value, setValue] = useState(input?.defaultValue ?? "");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Each opening starts clean, whether the trigger or the parent (controlled) opened it.
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setValue(input?.defaultValue ?? "");
      setError(null);
    }
  }

  const setOpen = (next: boolean) => {
    if (pending && !next) return; // never close while the action runs
    if (openProp === undefined) setOpenState(next);
    onOpenChange?.(next);
  };

  const missing = input ? (input.required ?? true) && value.trim() === "" : false;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending || missing || confirmDisabled) return;
    setPending(true);
    setError(null);
    try {
      const outcome = await onConfirm(input ? value.trim() : "");
      if (outcome && !outcome.ok) {
        setError(outcome.error);
        return;
      }
      setPending(false);
      if (openProp === undefined) setOpenState(false);
      onOpenChange?.(false);
    } catch (caught) {
      setError(caught instanceof Error && caught.message ? caught.message : "Something went wrong. Try again.");
    } finally {
      setPending(false);
    }
  };

  const inputId = `${id}-input`;
  const errorId = `${id}-error`;
  const control = input ? (
    <div className="space-y-1.5">
      <label htmlFor={inputId} className="text-sm font-medium text-foreground">
        {input.label}
      </label>
      {input.multiline ? (
        <textarea
          id={inputId}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          placeholder={input.placeholder}
          maxLength={input.maxLength}
          required={input.required ?? true}
          rows={3}
          aria-describedby={input.hint ? `${inputId}-hint` : undefined}
          className={cn(
            "block w-full rounded-lg border border-border bg-surface px-3 py-2 text-sm text-foreground shadow-sm transition",
            "placeholder:text-muted-foreground/70 focus:border-brand focus:outline-none focus:ring-2 focus:ring-brand/30",
          )}
        />
      ) : (
        <Input
          id={inputId}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          placeholder={input.placeholder}
          maxLength={input.maxLength}
          required={input.required ?? true}
          aria-describedby={input.hint ? `${inputId}-hint` : undefined}
        />
      )}
      {input.hint ? (
        <p id={`${inputId}-hint`} className="text-sm text-muted-foreground">
          {input.hint}
        </p>
      ) : null}
    </div>
  ) : null;

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      {trigger ? <DialogTrigger asChild>{trigger}</DialogTrigger> : null}
      <DialogContent
        title={title}
        description={description}
        size="sm"
        role="alertdialog"
        onEscapeKeyDown={(e) => pending && e.preventDefault()}
        onPointerDownOutside={(e) => pending && e.preventDefault()}
      >
        <form onSubmit={submit} noValidate className="space-y-4" aria-describedby={error ? errorId : undefined}>
          {children}
          {control}
          {error ? (
            <p id={errorId} role="alert" className="rounded-lg bg-danger-soft px-3 py-2 text-sm text-danger">
              {error}
            </p>
          ) : null}
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary" disabled={pending}>
                {cancelLabel}
              </Button>
            </DialogClose>
            <Button
              type="submit"
              variant={variant === "danger" ? "danger" : "primary"}
              loading={pending}
              disabled={missing || confirmDisabled}
            >
              {confirmLabel}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
