"use client";
// The board itself: columns side by side in one scroll container (both directions, so every
// Droppable has exactly one scroll parent, as hello-pangea/dnd requires), and with swimlanes on,
// one horizontal band per lane holding each column's list for that lane. Cards drag within and
// across lists (and lanes); without swimlanes whole columns drag too. Every drag is spoken in the
// board's own words (announcements.ts), and a drop becomes a move through useBoardMutations, shown
// at once and rolled back if the server refuses it.
import {
  DragDropContext,
  Draggable,
  Droppable,
  type DragStart,
  type DragUpdate,
  type DropResult,
  type ResponderProvided,
} from "@hello-pangea/dnd";
import { memo, useCallback, useLayoutEffect, useRef, useState, type RefObject } from "react";
import type { BoardJson, BoardCardJson, ColumnJson, LaneJson } from "@/lib/validations/board";
import {
  DRAG_INSTRUCTIONS,
  cardDropped,
  cardOver,
  cardPickedUp,
  columnDropped,
  columnOver,
  columnPickedUp,
  type Spot,
} from "@/components/board/announcements";
import { AddCardForm } from "@/components/board/add-card-form";
import { AddColumnForm } from "@/components/board/add-column-form";
import { cardsIn, fullIndex, listId, parseListId, type ListKey } from "@/components/board/board-order";
import { CardList } from "@/components/board/card-list";
import { ColumnHeader } from "@/components/board/column-header";
import type { BoardMutations } from "@/components/board/use-board-mutations";
import type { BoardCardCounts } from "@/components/board/board-view";
import { cn } from "@/lib/cn";

const COLUMN_PREFIX = "column:";

type Lists = Map<string, BoardCardJson[]>;

export type BoardCanvasProps = {
  board: BoardJson;
  /** The cards the filters show, per list id. */
  visible: Lists;
  canEdit: boolean;
  mutations: BoardMutations;
  scrollRef: RefObject<HTMLDivElement | null>;
  /** The server's counts while only the first cards of each list are here (a big board loading). */
  counts?: BoardCardCounts | null;
};

function laneOf(board: BoardJson, laneId: string | null): LaneJson | null {
  return laneId ? (board.lanes.find((l) => l.id === laneId) ?? null) : null;
}

export const BoardCanvas = memo(function BoardCanvas({
  board,
  visible,
  canEdit,
  mutations,
  scrollRef,
  counts,
}: BoardCanvasProps) {
  // The scroll container as state, not only a ref: long lists virtualise over it, and a child's
  // layout effect runs before its parent's ref is set.
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  // Responders read the latest board through a ref: the drag started on the board as it was.
  const latest = useRef({ board, visible });
  useLayoutEffect(() => {
    latest.current = { board, visible };
  });

  const spotOf = useCallback((key: ListKey, index: number, count: number): Spot => {
    const { board } = latest.current;
    return {
      columnName: board.columns.find((c) => c.id === key.columnId)?.name ?? "a column",
      laneName: board.swimlanesEnabled ? (laneOf(board, key.laneId)?.name ?? null) : null,
      index,
      count,
    };
  }, []);

  const shown = useCallback((id: string) => latest.current.visible.get(id) ?? [], []);

  const onDragStart = useCallback(
    (start: DragStart, provided: ResponderProvided) => {
      const { board } = latest.current;
      if (start.type === "COLUMN") {
        const column = board.columns.find((c) => `${COLUMN_PREFIX}${c.id}` === start.draggableId);
        provided.announce(columnPickedUp(column?.name ?? "", start.source.index, board.columns.length));
        return;
      }
      const key = parseListId(start.source.droppableId);
      const card = board.cards.find((c) => c.id === start.draggableId);
      if (!key || !card) return;
      provided.announce(
        cardPickedUp(card.title, spotOf(key, start.source.index, shown(start.source.droppableId).length)),
      );
    },
    [shown, spotOf],
  );

  const onDragUpdate = useCallback(
    (update: DragUpdate, provided: ResponderProvided) => {
      const { board } = latest.current;
      if (update.type === "COLUMN") {
        const column = board.columns.find((c) => `${COLUMN_PREFIX}${c.id}` === update.draggableId);
        provided.announce(columnOver(column?.name ?? "", update.destination?.index ?? null, board.columns.length));
        return;
      }
      const card = board.cards.find((c) => c.id === update.draggableId);
      if (!card) return;
      const dest = update.destination;
      const key = dest ? parseListId(dest.droppableId) : null;
      if (!dest || !key) return provided.announce(cardOver(card.title, null));
      const count = shown(dest.droppableId).length + (dest.droppableId === update.source.droppableId ? 0 : 1);
      provided.announce(cardOver(card.title, spotOf(key, dest.index, count)));
    },
    [shown, spotOf],
  );

  const onDragEnd = useCallback(
    (result: DropResult, provided: ResponderProvided) => {
      const { board } = latest.current;
      const { source, destination, reason } = result;
      if (result.type === "COLUMN") {
        const columnId = result.draggableId.slice(COLUMN_PREFIX.length);
        const column = board.columns.find((c) => c.id === columnId);
        provided.announce(
          columnDropped(column?.name ?? "", source.index, destination?.index ?? null, board.columns.length, reason),
        );
        if (reason === "DROP" && destination && destination.index !== source.index) {
          void mutations.moveColumn(columnId, destination.index);
        }
        return;
      }
      const card = board.cards.find((c) => c.id === result.draggableId);
      const from = parseListId(source.droppableId);
      if (!card || !from) return;
      const home = spotOf(from, source.index, shown(source.droppableId).length);
      const to = destination ? parseListId(destination.droppableId) : null;
      const sameList = destination?.droppableId === source.droppableId;
      const toSpot =
        destination && to
          ? spotOf(to, destination.index, shown(destination.droppableId).length + (sameList ? 0 : 1))
          : null;
      provided.announce(cardDropped(card.title, home, toSpot, reason));
      if (reason !== "DROP" || !destination || !to) return;
      if (sameList && destination.index === source.index) return;
      // The drop's index counts the cards the filters show; the server's counts them all.
      const full = cardsIn(board, to).filter((c) => c.id !== card.id);
      const shownHere = shown(destination.droppableId).filter((c) => c.id !== card.id);
      void mutations.moveCard(card.id, { ...to, index: fullIndex(full, shownHere, destination.index) });
    },
    [mutations, shown, spotOf],
  );

  const columnCounts = new Map<string, number>();
  const shownCounts = new Map<string, number>();
  if (counts) {
    for (const [id, n] of Object.entries(counts.columns)) columnCounts.set(id, n);
    for (const [id, n] of Object.entries(counts.columns)) shownCounts.set(id, n);
  } else {
    for (const c of board.cards) columnCounts.set(c.columnId, (columnCounts.get(c.columnId) ?? 0) + 1);
    for (const [id, cards] of visible) {
      const key = parseListId(id);
      if (key) shownCounts.set(key.columnId, (shownCounts.get(key.columnId) ?? 0) + cards.length);
    }
  }

  return (
    <DragDropContext
      onDragStart={onDragStart}
      onDragUpdate={onDragUpdate}
      onDragEnd={onDragEnd}
      dragHandleUsageInstructions={DRAG_INSTRUCTIONS}
    >
      <div
        ref={(el) => {
          scrollRef.current = el;
          setScroller(el);
        }}
        data-testid="board-scroller"
        tabIndex={-1}
        className="relative h-[calc(100dvh-15rem)] min-h-[24rem] overflow-auto overscroll-contain rounded-xl border border-border bg-background/60 focus:outline-none lg:h-[calc(100dvh-13rem)]"
      >
        {board.swimlanesEnabled ? (
          <LanesGrid
            board={board}
            visible={visible}
            canEdit={canEdit}
            mutations={mutations}
            scrollElement={scroller}
            columnCounts={columnCounts}
            shownCounts={shownCounts}
            laneCounts={counts?.lanes ?? null}
          />
        ) : (
          <Droppable droppableId="board" type="COLUMN" direction="horizontal" isDropDisabled={!canEdit}>
            {(provided) => (
              <div
                ref={provided.innerRef}
                {...provided.droppableProps}
                className="flex min-h-full w-max items-stretch gap-3 p-3"
              >
                {board.columns.map((column, index) => (
                  <Draggable
                    key={column.id}
                    draggableId={`${COLUMN_PREFIX}${column.id}`}
                    index={index}
                    isDragDisabled={!canEdit}
                  >
                    {(drag, snapshot) => (
                      <section
                        ref={drag.innerRef}
                        {...drag.draggableProps}
                        aria-label={column.name}
                        data-testid="board-column"
                        data-column-id={column.id}
                        className={cn(
                          "flex w-72 shrink-0 flex-col rounded-xl bg-muted/80 ring-1 ring-border/60 dark:bg-surface",
                          snapshot.isDragging && "shadow-2xl ring-brand/40",
                        )}
                      >
                        <div className="sticky top-0 z-10 rounded-t-xl bg-muted dark:bg-surface">
                          <ColumnHeader
                            boardId={board.id}
                            column={column}
                            count={columnCounts.get(column.id) ?? 0}
                            shown={shownCounts.get(column.id) ?? 0}
                            index={index}
                            columnCount={board.columns.length}
                            canEdit={canEdit}
                            dragHandleProps={drag.dragHandleProps}
                            onApply={mutations.apply}
                            onMove={(to) => void mutations.moveColumn(column.id, to)}
                          />
                        </div>
                        <ColumnList
                          column={column}
                          laneId={null}
                          visible={visible}
                          scrollElement={scroller}
                          canEdit={canEdit}
                          mutations={mutations}
                        />
                      </section>
                    )}
                  </Draggable>
                ))}
                {provided.placeholder}
                {canEdit ? <AddColumnForm boardId={board.id} onApply={mutations.apply} /> : null}
              </div>
            )}
          </Droppable>
        )}
      </div>
    </DragDropContext>
  );
});

function ColumnList({
  column,
  laneId,
  visible,
  scrollElement,
  canEdit,
  mutations,
  laneName,
}: {
  column: ColumnJson;
  laneId: string | null;
  visible: Lists;
  scrollElement: HTMLDivElement | null;
  canEdit: boolean;
  mutations: BoardMutations;
  laneName?: string;
}) {
  const key = { columnId: column.id, laneId };
  const cards = visible.get(listId(key)) ?? [];
  const name = laneName ? `${column.name}, lane ${laneName}` : column.name;
  return (
    <CardList
      list={key}
      cards={cards}
      scrollElement={scrollElement}
      emptyText={canEdit ? "Drop cards here" : "No cards"}
      footer={
        canEdit ? <AddCardForm list={key} listName={name} onAdd={mutations.createCard} compact={!!laneName} /> : null
      }
    />
  );
}

function LanesGrid({
  board,
  visible,
  canEdit,
  mutations,
  scrollElement,
  columnCounts,
  shownCounts,
  laneCounts,
}: {
  board: BoardJson;
  visible: Lists;
  canEdit: boolean;
  mutations: BoardMutations;
  scrollElement: HTMLDivElement | null;
  columnCounts: Map<string, number>;
  shownCounts: Map<string, number>;
  laneCounts: Record<string, number> | null;
}) {
  const template = { gridTemplateColumns: `repeat(${board.columns.length}, 18rem)` };
  return (
    <div className="w-max p-3">
      <div className="sticky top-0 z-20 -mx-3 -mt-3 bg-background/95 px-3 pt-3 backdrop-blur">
        <div className="grid gap-3" style={template}>
          {board.columns.map((column, index) => (
            <div
              key={column.id}
              className="rounded-t-xl bg-muted ring-1 ring-border/60 dark:bg-surface"
              data-testid="board-column"
              data-column-id={column.id}
            >
              <ColumnHeader
                boardId={board.id}
                column={column}
                count={columnCounts.get(column.id) ?? 0}
                shown={shownCounts.get(column.id) ?? 0}
                index={index}
                columnCount={board.columns.length}
                canEdit={canEdit}
                onApply={mutations.apply}
                onMove={(to) => void mutations.moveColumn(column.id, to)}
              />
            </div>
          ))}
        </div>
      </div>
      {board.lanes.map((lane) => {
        const laneCount = laneCounts
          ? (laneCounts[lane.id] ?? 0)
          : board.cards.filter((c) => c.laneId === lane.id).length;
        return (
          <section key={lane.id} aria-label={`Lane ${lane.name}`} data-testid="board-lane" className="mt-3">
            <div className="sticky left-3 z-10 mb-2 inline-flex items-center gap-2 rounded-md px-1 text-xs font-semibold uppercase tracking-wide text-muted-foreground">
              <h3>{lane.name}</h3>
              <span className="rounded-full bg-muted px-1.5 py-px font-semibold normal-case tabular-nums">
                {laneCount}
                {lane.wipLimit !== null ? ` / ${lane.wipLimit}` : ""}
              </span>
            </div>
            <div className="grid gap-3" style={template}>
              {board.columns.map((column) => (
                <div
                  key={column.id}
                  className="flex min-h-24 flex-col rounded-xl bg-muted/60 pt-1 ring-1 ring-border/50 dark:bg-surface/70"
                >
                  <ColumnList
                    column={column}
                    laneId={lane.id}
                    laneName={lane.name}
                    visible={visible}
                    scrollElement={scrollElement}
                    canEdit={canEdit}
                    mutations={mutations}
                  />
                </div>
              ))}
            </div>
          </section>
        );
      })}
      {canEdit ? (
        <div className="mt-3">
          <AddColumnForm boardId={board.id} onApply={mutations.apply} />
        </div>
      ) : null}
    </div>
  );
}
