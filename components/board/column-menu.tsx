"use client";
// A column's "⋯" menu: rename, WIP limit, move left or right, delete. Loaded on first use
// (lazy-menu.tsx).
import { ArrowLeft, ArrowRight, Gauge, Pencil, Trash2 } from "lucide-react";
import { useEffect, useRef } from "react";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import type { LazyMenuContentProps } from "@/components/board/lazy-menu";

export type ColumnMenuProps = {
  first: boolean;
  last: boolean;
  onRename: () => void;
  onWip: () => void;
  onMove: (step: -1 | 1) => void;
  onDelete: () => void;
};

export function ColumnMenuContent({
  first,
  last,
  onRename,
  onWip,
  onMove,
  onDelete,
  label,
  className,
  defaultOpen,
  takeFocus,
}: LazyMenuContentProps<ColumnMenuProps>) {
  const trigger = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (takeFocus && !defaultOpen) trigger.current?.focus();
  }, [takeFocus, defaultOpen]);
  return (
    <DropdownMenu defaultOpen={defaultOpen}>
      <DropdownMenuTrigger asChild>
        <button ref={trigger} type="button" aria-label={label} className={className}>
          <span className="card-icon card-icon-more size-4" aria-hidden="true" />
        </button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-52">
        <DropdownMenuItem onSelect={onRename}>
          <Pencil className="size-4" aria-hidden="true" />
          Rename
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={onWip}>
          <Gauge className="size-4" aria-hidden="true" />
          WIP limit…
        </DropdownMenuItem>
        <DropdownMenuItem disabled={first} onSelect={() => onMove(-1)}>
          <ArrowLeft className="size-4" aria-hidden="true" />
          Move left
        </DropdownMenuItem>
        <DropdownMenuItem disabled={last} onSelect={() => onMove(1)}>
          <ArrowRight className="size-4" aria-hidden="true" />
          Move right
        </DropdownMenuItem>
        <DropdownMenuSeparator />
        <DropdownMenuItem tone="danger" onSelect={onDelete}>
          <Trash2 className="size-4" aria-hidden="true" />
          Delete column…
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
