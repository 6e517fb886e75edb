"use client";
// The board with drag and drop (hello-pangea/dnd): the layout of canvas-layout.tsx with Droppable
// lists and Draggable cards and columns. Cards drag within and across lists (and lanes); without
// swimlanes whole columns drag too. Every drag is spoken in the board's own words
// (announcements.ts), and a drop becomes a move through useBoardMutations, shown at once and
// rolled back if the server refuses it. Loaded on its own (board-canvas.tsx): a small board's page
// preloads it, a big board's once all its cards are read.
import {
  DragDropContext,
  Draggable,
  Droppable,
  type DragStart,
  type DragUpdate,
  type DropResult,
  type ResponderProvided,
} from "@hello-pangea/dnd";
import { useCallback, useLayoutEffect, useRef } from "react";
import type { BoardJson, LaneJson } from "@/lib/validations/board";
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
import { cardsIn, fullIndex, parseListId, type ListKey } from "@/components/board/board-order";
import {
  CanvasLayout,
  COLUMN_ROW_CLASS,
  columnClass,
  type CanvasLayoutProps,
  type CanvasSlots,
} from "@/components/board/canvas-layout";
import { DndCardList } from "@/components/board/dnd-card-list";

const COLUMN_PREFIX = "column:";

function laneOf(board: BoardJson, laneId: string | null): LaneJson | null {
  return laneId ? (board.lanes.find((l) => l.id === laneId) ?? null) : null;
}

const DND_SLOTS: CanvasSlots = {
  ColumnRow: ({ canEdit, children, footer }) => (
    <Droppable droppableId="board" type="COLUMN" direction="horizontal" isDropDisabled={!canEdit}>
      {(provided) => (
        <div ref={provided.innerRef} {...provided.droppableProps} className={COLUMN_ROW_CLASS}>
          {children}
          {provided.placeholder}
          {footer}
        </div>
      )}
    </Droppable>
  ),
  ColumnFrame: ({ column, index, canEdit, children }) => (
    <Draggable draggableId={`${COLUMN_PREFIX}${column.id}`} index={index} isDragDisabled={!canEdit}>
      {(drag, snapshot) => (
        <section
          ref={drag.innerRef}
          {...drag.draggableProps}
          aria-label={column.name}
          data-testid="board-column"
          data-column-id={column.id}
          className={columnClass(snapshot.isDragging)}
        >
          {children(drag.dragHandleProps)}
        </section>
      )}
    </Draggable>
  ),
  List: DndCardList,
};

export function DndBoardCanvas(props: Omit<CanvasLayoutProps, "slots">) {
  const { board, visible, mutations } = props;
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

  return (
    <DragDropContext
      onDragStart={onDragStart}
      onDragUpdate={onDragUpdate}
      onDragEnd={onDragEnd}
      dragHandleUsageInstructions={DRAG_INSTRUCTIONS}
    >
      <CanvasLayout {...props} slots={DND_SLOTS} />
    </DragDropContext>
  );
}
