// A styled NATIVE <select>: works before JavaScript loads (inside a plain GET/POST form), on every
// phone, and with every screen reader. Pass `label` to render a visible (or `hideLabel` for a
// screen-reader-only) label wired by id; or wrap it in <Field> and pass no label.
import { forwardRef, useId, type ReactNode, type SelectHTMLAttributes } from "react";
import { ChevronDown } from "lucide-react";
import { cn } from "@/lib/cn";

export type SelectOption = { value: string; label: string; disabled?: boolean };

export type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "size"> & {
  /** Visible label text; wired to the select by id. */
  label?: ReactNode;
  /** Keep the label for screen readers only. */
  hideLabel?: boolean;
  /** Options as data; or pass <option> children instead. */
  options?: readonly SelectOption[];
  /** A first option with value "" (e.g. "Any role"). */
  placeholder?: string;
  invalid?: boolean;
  size?: "sm" | "md";
  /** Classes for the outer wrapper (label + control). */
  wrapperClassName?: string;
};

export const Select = forwardRef<HTMLSelectElement, SelectProps>(function Select(
  { id, label, hideLabel, options, placeholder, invalid, size = "md", className, wrapperClassName, children, ...props },
  ref,
) {
  const generated = useId();
  const selectId = id ?? generated;
  const control = (
    <div className="relative">
      <select
        ref={ref}
        id={selectId}
        aria-invalid={invalid || undefined}
        className={cn(
          "block w-full appearance-none rounded-lg border bg-surface pl-3 pr-9 text-sm text-foreground shadow-sm transition",
          "focus:outline-none focus:ring-2 disabled:cursor-not-allowed disabled:opacity-60",
          size === "sm" ? "h-8" : "h-10",
          invalid
            ? "border-danger focus:border-danger focus:ring-danger/30"
            : "border-border focus:border-brand focus:ring-brand/30",
          className,
        )}
        {...props}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options?.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
        {children}
      </select>
      <ChevronDown
        aria-hidden="true"
        className="pointer-events-none absolute right-3 top-1/2 size-4 -translate-y-1/2 text-muted-foreground"
      />
    </div>
  );
  if (!label) return wrapperClassName ? <div className={wrapperClassName}>{control}</div> : control;
  return (
    <div className={cn(!hideLabel && "space-y-1.5", wrapperClassName)}>
      <label htmlFor={selectId} className={hideLabel ? "sr-only" : "block text-sm font-medium text-foreground"}>
        {label}
      </label>
      {control}
    </div>
  );
});
