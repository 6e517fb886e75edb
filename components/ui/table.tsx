// Styled table primitives (plain HTML semantics: <table>, <th scope>, <td>). `Table` wraps the
// table in a horizontally scrolling region so wide tables work at phone widths. The data-table kit
// (components/ui/data-table) renders through these; static tables can use them directly.
import { forwardRef, type HTMLAttributes, type TdHTMLAttributes, type ThHTMLAttributes } from "react";
import { cn } from "@/lib/cn";

export type TableProps = HTMLAttributes<HTMLTableElement> & {
  /** Classes for the scrolling wrapper around the table. */
  containerClassName?: string;
};

export const Table = forwardRef<HTMLTableElement, TableProps>(function Table(
  { className, containerClassName, ...props },
  ref,
) {
  return (
    <div className={cn("w-full overflow-x-auto", containerClassName)}>
      <table ref={ref} className={cn("w-full border-collapse text-left text-sm", className)} {...props} />
    </div>
  );
});

export const THead = forwardRef<HTMLTableSectionElement, HTMLAttributes<HTMLTableSectionElement>>(function THead(
  { className, ...props },
  ref,
) {
  return (
    <thead
      ref={ref}
      className={cn(
        "border-b border-border bg-muted/50 text-xs uppercase tracking-wide text-muted-foreground",
        className,
      )}
      {...props}
    />
  );
});

export const TBody = forwardRef<HTMLTableSectionElement, HTMLAttributes<HTMLTableSectionElement>>(function TBody(
  { className, ...props },
  ref,
) {
  return <tbody ref={ref} className={cn("divide-y divide-border", className)} {...props} />;
});

export type TrProps = HTMLAttributes<HTMLTableRowElement> & {
  /** Highlight the row (e.g. selected). Sets data-state="selected". */
  selected?: boolean;
  /** Hover highlight for rows that act as links or can be selected. */
  interactive?: boolean;
};

export const Tr = forwardRef<HTMLTableRowElement, TrProps>(function Tr(
  { className, selected, interactive, ...props },
  ref,
) {
  return (
    <tr
      ref={ref}
      data-state={selected ? "selected" : undefined}
      className={cn(
        "transition-colors",
        interactive && "hover:bg-muted/40",
        selected && "bg-brand-soft hover:bg-brand-soft",
        className,
      )}
      {...props}
    />
  );
});

export const Th = forwardRef<HTMLTableCellElement, ThHTMLAttributes<HTMLTableCellElement>>(function Th(
  { className, scope = "col", ...props },
  ref,
) {
  return (
    <th
      ref={ref}
      scope={scope}
      className={cn("h-10 whitespace-nowrap px-4 font-medium first:pl-6 last:pr-6", className)}
      {...props}
    />
  );
});

export const Td = forwardRef<HTMLTableCellElement, TdHTMLAttributes<HTMLTableCellElement>>(function Td(
  { className, ...props },
  ref,
) {
  return <td ref={ref} className={cn("px-4 py-3 align-middle first:pl-6 last:pr-6", className)} {...props} />;
});
