"use client";
// A column's head: its name (editors rename it in place), its card count against its WIP limit
// ("4 / 5": amber at a soft limit, red at or over a hard one, in words for screen readers too) and
// a menu (column-menu.tsx, loaded on first use): rename, set the limit, move left or right,
// delete (refused while it holds cards).
import { useState, type HTMLAttributes } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input } from "@/components/ui/input";
import { deleteColumnAction } from "@/lib/actions/boards/delete-column";
import { updateColumnAction } from "@/lib/actions/boards/update-column";
import type { BoardChangePayload, ColumnJson } from "@/lib/validations/board";
import { BOARD_LIMITS } from "@/lib/validations/board-constants";
import { swatch } from "@/components/board/colors";
import { toast } from "@/components/board/board-toast";
import { LazyMenu } from "@/components/board/lazy-menu";
import { WipLimitDialog } from "@/components/board/wip-limit-dialog";
import { cn } from "@/lib/cn";

export type WipState = "none" | "ok" | "soft" | "hard";

const loadColumnMenu = () => import("@/components/board/column-menu").then((m) => m.ColumnMenuContent);

/** How a column stands against its limit: amber (soft) at or over it, red (hard) at or over it. */
export function wipState(column: Pick<ColumnJson, "wipLimit" | "wipMode">, count: number): WipState {
  if (column.wipLimit === null) return "none";
  if (count < column.wipLimit) return "ok";
  return column.wipMode === "hard" ? "hard" : "soft";
}

export function ColumnHeader({
  boardId,
  column,
  count,
  shown,
  index,
  columnCount,
  canEdit,
  dragHandleProps,
  onApply,
  onMove,
}: {
  boardId: string;
  column: ColumnJson;
  /** Open cards in the column, across lanes, whatever the filters. */
  count: number;
  /** Of them, how many the filters show. */
  shown: number;
  index: number;
  columnCount: number;
  canEdit: boolean;
  dragHandleProps?: HTMLAttributes<HTMLElement> | null;
  onApply: (payload: BoardChangePayload) => void;
  onMove: (index: number) => void;
}) {
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(column.name);
  const [wipOpen, setWipOpen] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const state = wipState(column, count);

  const rename = async () => {
    const next = name.trim();
    setRenaming(false);
    if (!next || next === column.name) return setName(column.name);
    onApply({ columns: [{ ...column, name: next }] });
    const result = await updateColumnAction(boardId, column.id, { name: next });
    if (!result.ok) {
      onApply({ columns: [column] });
      setName(column.name);
      toast.error(result.fieldErrors?.name?.[0] ?? result.error);
    } else onApply({ columns: [result.data.column] });
  };

  const limitText =
    column.wipLimit === null
      ? `${count} card${count === 1 ? "" : "s"}`
      : `${count} of ${column.wipLimit} cards, ${column.wipMode} limit${state === "soft" || state === "hard" ? (count > column.wipLimit ? ", over the limit" : ", at the limit") : ""}`;

  return (
    <div
      className={cn(
        "flex items-center gap-2 rounded-t-xl border-t-4 px-3 pb-2 pt-2.5",
        column.color ? swatch(column.color).border : "border-transparent",
      )}
      data-testid="column-header"
    >
      <div
        {...(dragHandleProps ?? {})}
        className={cn("flex min-w-0 flex-1 items-center gap-2", dragHandleProps && canEdit && "cursor-grab")}
      >
        {renaming ? (
          <Input
            aria-label={`Rename column ${column.name}`}
            value={name}
            maxLength={BOARD_LIMITS.columnName}
            autoFocus
            className="h-8"
            onChange={(e) => setName(e.target.value)}
            onBlur={() => void rename()}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                void rename();
              } else if (e.key === "Escape") {
                e.preventDefault();
                setName(column.name);
                setRenaming(false);
              }
            }}
          />
        ) : (
          <h2 className="min-w-0 truncate text-sm font-semibold text-foreground" title={column.name}>
            {column.name}
          </h2>
        )}
        <span
          className={cn(
            "shrink-0 rounded-full px-2 py-0.5 text-xs font-semibold tabular-nums",
            state === "none" || state === "ok" ? "bg-muted text-muted-foreground" : "",
            state === "soft" && "bg-warning-soft text-warning ring-1 ring-inset ring-warning/30",
            state === "hard" && "bg-danger-soft text-danger ring-1 ring-inset ring-danger/30",
          )}
          data-testid="column-count"
          data-wip={state}
          title={limitText}
        >
          <span aria-hidden="true">
            {shown !== count ? `${shown} of ` : ""}
            {count}
            {column.wipLimit !== null ? ` / ${column.wipLimit}` : ""}
          </span>
          <span className="sr-only">{limitText}</span>
        </span>
      </div>
      {canEdit ? (
        <LazyMenu
          load={loadColumnMenu}
          label={`Column actions for ${column.name}`}
          className="flex size-7 shrink-0 items-center justify-center rounded-md text-muted-foreground transition hover:bg-foreground/5 hover:text-foreground"
          menu={{
            first: index === 0,
            last: index === columnCount - 1,
            onRename: () => {
              setName(column.name);
              setRenaming(true);
            },
            onWip: () => setWipOpen(true),
            onMove: (step: -1 | 1) => onMove(index + step),
            onDelete: () => setDeleting(true),
          }}
        />
      ) : null}
      <WipLimitDialog
        open={wipOpen}
        onOpenChange={setWipOpen}
        title={`WIP limit of ${column.name}`}
        value={{ wipLimit: column.wipLimit, wipMode: column.wipMode }}
        withMode
        onSave={async (value) => {
          const result = await updateColumnAction(boardId, column.id, value);
          if (!result.ok) return result.fieldErrors?.wipLimit?.[0] ?? result.error;
          onApply({ columns: [result.data.column] });
          toast.success(
            result.data.column.wipLimit === null
              ? `${column.name} has no limit now.`
              : `${column.name}: at most ${result.data.column.wipLimit} card${result.data.column.wipLimit === 1 ? "" : "s"}, ${result.data.column.wipMode === "hard" ? "refusing more" : "warning beyond"}.`,
          );
          return null;
        }}
      />
      <ConfirmDialog
        open={deleting}
        onOpenChange={setDeleting}
        title={`Delete the column ${column.name}?`}
        description="Only an empty column can be deleted: move or delete its cards (archived ones too) first."
        confirmLabel="Delete column"
        variant="danger"
        onConfirm={async () => {
          const result = await deleteColumnAction(boardId, column.id);
          if (!result.ok) return { ok: false, error: result.error };
          onApply({ removedColumnIds: [column.id] });
          toast.success(`Deleted the column ${column.name}.`);
          return { ok: true };
        }}
      />
    </div>
  );
}
