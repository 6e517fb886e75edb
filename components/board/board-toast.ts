// The board's outcome toasts that carry a button: "Moved to Done. [Undo]". components/ui/toast.ts
// (the app's one toast helper) takes a message only, so this asks sonner directly, loaded on first
// use like there; the board is interactive only after hydration, by when the app's Toaster has
// long mounted. Plain messages go through components/ui/toast.ts.
import { toast } from "@/components/ui/toast";

export type ToastAction = { label: string; onClick: () => void };

export function toastWithAction(kind: "success" | "warning", message: string, action: ToastAction): void {
  void import("sonner").then(({ toast: sonner }) =>
    sonner[kind](message, { action: { label: action.label, onClick: action.onClick }, duration: 8000 }),
  );
}

/** A soft WIP limit's warning after a move or a new card. */
export function toastWarnings(warnings: readonly string[]): void {
  if (!warnings.length) return;
  void import("sonner").then(({ toast: sonner }) => {
    for (const w of warnings) sonner.warning(w);
  });
}

export { toast };
