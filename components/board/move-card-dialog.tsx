"use client";
// "Move to…": the way to move a card without dragging (WCAG 2.5.7). Pick the board (this one or
// another the viewer edits), the column, the lane (on a board with swimlanes) and the position:
// top, bottom, or after a named card. Positions count every card of the list, whatever the board's
// filters show. While a big board's cards load (`counts`), this board's lists hold only their
// first cards: the positions offered are after those, or the bottom, counted with the server's
// counts. Another board's columns load when it is chosen.
import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { Select } from "@/components/ui/select";
import { listMoveTargetsAction, type MoveTargets } from "@/lib/actions/boards/list-move-targets";
import type { BoardJson, BoardCardJson } from "@/lib/validations/board";
import { listTotal, type BoardCardCounts } from "@/components/board/board-counts";
import { byPosition } from "@/components/board/board-order";
import type { MoveTarget } from "@/components/board/use-board-mutations";

type Target = Pick<MoveTargets, "id" | "name" | "swimlanesEnabled" | "columns" | "lanes" | "cards">;

function targetsOf(board: BoardJson): Target {
  return {
    id: board.id,
    name: board.name,
    swimlanesEnabled: board.swimlanesEnabled,
    columns: board.columns,
    lanes: board.lanes,
    cards: board.cards,
  };
}

export function MoveCardDialog({
  card,
  board,
  counts,
  editableBoards,
  onMove,
  onClose,
}: {
  card: BoardCardJson;
  board: BoardJson;
  visible?: unknown;
  /** This board's counts while only the first cards of each list are here. */
  counts?: BoardCardCounts | null;
  editableBoards: { id: string; name: string }[];
  onMove: (to: MoveTarget & { boardId?: string }) => Promise<boolean>;
  onClose: () => void;
}) {
  const [boardId, setBoardId] = useState(board.id);
  const [other, setOther] = useState<Target | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const target: Target | null = boardId === board.id ? targetsOf(board) : other?.id === boardId ? other : null;
  const [columnId, setColumnId] = useState(card.columnId);
  const [laneId, setLaneId] = useState<string | null>(card.laneId);
  const [pending, setPending] = useState(false);
  const firstField = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    if (boardId === board.id || other?.id === boardId) return;
    let cancelled = false;
    void listMoveTargetsAction(boardId).then((result) => {
      if (cancelled) return;
      if (!result.ok) return setLoadError(result.error);
      setLoadError(null);
      setOther(result.data);
      setColumnId(result.data.columns[0]?.id ?? "");
      setLaneId(result.data.swimlanesEnabled ? (result.data.lanes[0]?.id ?? null) : null);
    });
    return () => {
      cancelled = true;
    };
  }, [boardId, board.id, other?.id]);

  const list = useMemo(() => {
    if (!target) return [];
    return target.cards
      .filter((c) => c.id !== card.id && c.columnId === columnId && (!target.swimlanesEnabled || c.laneId === laneId))
      .sort(byPosition);
  }, [target, card.id, columnId, laneId]);

  const sameList = boardId === board.id && columnId === card.columnId && laneId === card.laneId;
  // The list's length without the card: more than `list` holds while this board's cards load.
  const total = boardId === board.id ? listTotal(counts, { columnId, laneId }, board.swimlanesEnabled) : null;
  const length = Math.max(list.length, total === null ? list.length : total - (sameList ? 1 : 0));
  const partial = length > list.length;

  // Default position: where the card is now; on another list, the bottom.
  const now = board.cards
    .filter((c) => c.columnId === card.columnId && (!board.swimlanesEnabled || c.laneId === card.laneId))
    .sort(byPosition)
    .findIndex((c) => c.id === card.id);
  const initial =
    length === 0 || (sameList && now <= 0)
      ? "top"
      : !sameList || now >= length
        ? "bottom"
        : `after:${list[now - 1]!.id}`;
  const [position, setPosition] = useState<string | null>(null);
  const chosen = position ?? initial;

  const index =
    chosen === "top"
      ? 0
      : chosen === "bottom"
        ? length
        : Math.max(0, list.findIndex((c) => `after:${c.id}` === chosen) + 1);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!target || !columnId) return;
    setPending(true);
    const ok = await onMove({
      columnId,
      laneId: target.swimlanesEnabled ? laneId : null,
      index,
      ...(boardId !== board.id ? { boardId } : {}),
    });
    setPending(false);
    if (ok) onClose();
  };

  const boards = [
    { id: board.id, name: `${board.name} (this board)` },
    ...editableBoards.filter((b) => b.id !== board.id),
  ];

  return (
    <Dialog open onOpenChange={(open) => !open && !pending && onClose()}>
      <DialogContent
        title={`Move “${card.title}”`}
        description="Choose where the card goes."
        size="sm"
        onOpenAutoFocus={(e) => {
          e.preventDefault();
          firstField.current?.focus();
        }}
      >
        <form onSubmit={submit} className="space-y-4" noValidate>
          {boards.length > 1 ? (
            <Select
              label="Board"
              value={boardId}
              onChange={(e) => {
                setBoardId(e.target.value);
                setPosition(null);
                if (e.target.value === board.id) {
                  setColumnId(card.columnId);
                  setLaneId(card.laneId);
                }
              }}
              options={boards.map((b) => ({ value: b.id, label: b.name }))}
            />
          ) : null}
          {loadError ? (
            <p role="alert" className="rounded-lg bg-danger-soft px-3 py-2 text-sm text-danger">
              {loadError}
            </p>
          ) : null}
          {target ? (
            <>
              <Select
                ref={firstField}
                label="Column"
                value={columnId}
                onChange={(e) => {
                  setColumnId(e.target.value);
                  setPosition(null);
                }}
                options={target.columns.map((c) => {
                  if (c.wipLimit === null) return { value: c.id, label: c.name };
                  const known = boardId === board.id && counts ? counts.columns[c.id] : undefined;
                  const count =
                    known !== undefined
                      ? known - (c.id === card.columnId ? 1 : 0)
                      : target.cards.filter((k) => k.columnId === c.id && k.id !== card.id).length;
                  // A hard limit that is reached refuses the card: say so, and offer it no more.
                  const full = c.wipMode === "hard" && count >= c.wipLimit && c.id !== card.columnId;
                  return {
                    value: c.id,
                    label: `${c.name} (${count} of ${c.wipLimit}${c.wipMode === "hard" ? ", hard limit" : ""})${full ? " · full" : ""}`,
                    disabled: full,
                  };
                })}
              />
              {target.swimlanesEnabled ? (
                <Select
                  label="Lane"
                  value={laneId ?? ""}
                  onChange={(e) => {
                    setLaneId(e.target.value || null);
                    setPosition(null);
                  }}
                  options={target.lanes.map((l) => ({ value: l.id, label: l.name }))}
                />
              ) : null}
              <Select
                label="Position"
                value={chosen}
                onChange={(e) => setPosition(e.target.value)}
                options={[
                  { value: "top", label: "Top" },
                  ...(partial ? list : list.slice(0, -1)).map((c, i) => ({
                    value: `after:${c.id}`,
                    label: `After “${c.title}” (${i + 2} of ${length + 1})`,
                  })),
                  ...(length ? [{ value: "bottom", label: `Bottom (${length + 1} of ${length + 1})` }] : []),
                ]}
              />
              {boardId !== board.id ? (
                <p className="text-sm text-muted-foreground">
                  On another board the card keeps its title, description, checklist and comments; its labels, and
                  assignees who are not members there, are dropped.
                </p>
              ) : null}
            </>
          ) : loadError ? null : (
            <p className="text-sm text-muted-foreground" role="status">
              Loading the board’s columns…
            </p>
          )}
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary" disabled={pending}>
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" loading={pending} disabled={!target || !columnId}>
              Move card
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
