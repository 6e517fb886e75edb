// A multi-line text field styled like Input (the design system has no textarea primitive yet; the
// record dialogs style theirs in place). Used by the board's dialogs: descriptions, comments.
import { forwardRef, type TextareaHTMLAttributes } from "react";
import { cn } from "@/lib/cn";

export const TextArea = forwardRef<
  HTMLTextAreaElement,
  TextareaHTMLAttributes<HTMLTextAreaElement> & { invalid?: boolean }
>(function TextArea({ className, invalid, ...props }, ref) {
  return (
    <textarea
      ref={ref}
      aria-invalid={invalid || undefined}
      className={cn(
        "block w-full rounded-lg border bg-surface px-3 py-2 text-sm text-foreground shadow-sm transition",
        "placeholder:text-muted-foreground/70 focus:outline-none focus:ring-2 disabled:cursor-not-allowed disabled:opacity-60",
        invalid
          ? "border-danger focus:border-danger focus:ring-danger/30"
          : "border-border focus:border-brand focus:ring-brand/30",
        className,
      )}
      {...props}
    />
  );
});
