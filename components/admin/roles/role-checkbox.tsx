"use client";
// A native checkbox that can also show the "some but not all" state (a group header in the role
// editor), which HTML sets only from script. Native, so Space toggles it and forms see it.
import { forwardRef, useEffect, useImperativeHandle, useRef, type InputHTMLAttributes } from "react";
import { cn } from "@/lib/cn";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & { indeterminate?: boolean };

export const RoleCheckbox = forwardRef<HTMLInputElement, Props>(function RoleCheckbox(
  { indeterminate = false, className, ...props },
  ref,
) {
  const inner = useRef<HTMLInputElement>(null);
  useImperativeHandle(ref, () => inner.current!);
  useEffect(() => {
    if (inner.current) inner.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return (
    <input
      ref={inner}
      type="checkbox"
      aria-checked={indeterminate ? "mixed" : undefined}
      className={cn(
        "size-4 shrink-0 cursor-pointer rounded border-border accent-[var(--brand)] disabled:cursor-not-allowed disabled:opacity-60",
        className,
      )}
      {...props}
    />
  );
});
