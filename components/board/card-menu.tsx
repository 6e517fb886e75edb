"use client";
// A card's "⋯" menu: Open, and for editors Move to…, to the top or bottom of its column, Archive.
// Loaded on first use (lazy-menu.tsx).
import { ArrowDownToLine, ArrowUpToLine, Archive, FolderInput, SquareArrowOutUpRight } from "lucide-react";
import { useEffect, useRef } from "react";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import type { CardCommand } from "@/components/board/board-context";
import type { LazyMenuContentProps } from "@/components/board/lazy-menu";

export function CardMenuContent({
  canEdit,
  onCommand,
  label,
  className,
  defaultOpen,
  takeFocus,
}: LazyMenuContentProps<{ canEdit: boolean; onCommand: (command: CardCommand) => void }>) {
  const trigger = useRef<HTMLButtonElement>(null);
  // The placeholder button had focus: its replacement takes it (an opening menu focuses itself).
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
        <DropdownMenuItem onSelect={() => onCommand("open")}>
          <SquareArrowOutUpRight className="size-4" aria-hidden="true" />
          Open
          <kbd className="ml-auto text-xs text-muted-foreground">Enter</kbd>
        </DropdownMenuItem>
        {canEdit ? (
          <>
            <DropdownMenuItem onSelect={() => onCommand("move-dialog")}>
              <FolderInput className="size-4" aria-hidden="true" />
              Move to…
              <kbd className="ml-auto text-xs text-muted-foreground">M</kbd>
            </DropdownMenuItem>
            <DropdownMenuItem onSelect={() => onCommand("top")}>
              <ArrowUpToLine className="size-4" aria-hidden="true" />
              Move to top
            </DropdownMenuItem>
            <DropdownMenuItem onSelect={() => onCommand("bottom")}>
              <ArrowDownToLine className="size-4" aria-hidden="true" />
              Move to bottom
            </DropdownMenuItem>
            <DropdownMenuSeparator />
            <DropdownMenuItem onSelect={() => onCommand("archive")}>
              <Archive className="size-4" aria-hidden="true" />
              Archive
              <kbd className="ml-auto text-xs text-muted-foreground">A</kbd>
            </DropdownMenuItem>
          </>
        ) : null}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
