import { forwardRef, type InputHTMLAttributes } from "react";
import { cn } from "@/lib/cn";

export const Input = forwardRef<HTMLInputElement, InputHTMLAttributes<HTMLInputElement> & { invalid?: boolean }>(
  function Input({ className, invalid, ...props }, ref) {
    return (
      <input
        ref={ref}
        aria-invalid={invalid || undefined}
        className={cn(
          "block h-10 w-full rounded-lg border bg-surface px-3 text-sm text-foreground shadow-sm transition placeholder:text-muted-foreground/70",
          "focus:outline-none focus:ring-2",
          "disabled:cursor-not-allowed disabled:opacity-60",
          invalid
            ? "border-danger focus:border-danger focus:ring-danger/30"
            : "border-border focus:border-brand focus:ring-brand/30",
          className,
        )}
        {...props}
      />
    );
  },
);
