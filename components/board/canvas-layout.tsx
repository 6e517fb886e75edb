"use client";
// The board's layout: columns side by side in one scroll container (both directions, so every
// Droppable has exactly one scroll parent, as hello-pangea/dnd requires), and with swimlanes on,
// one horizontal band per lane holding each column's list for that lane. What makes it draggable
// comes in through `slots`: board-dnd-canvas.tsx passes hello-pangea/dnd's Droppable / Draggable
// versions; STATIC_SLOTS draws the same markup without them, for a big board's first screenful
// (its cards drag once all of them are here), so that page neither loads nor hydrates the
// drag-and-drop library before it answers the keyboard (npm run bench:board).
import type { ComponentType, HTMLAttributes, ReactNode, RefObject } from "react";
import { useState } from "react";
import type { BoardJson, BoardCardJson, ColumnJson } from "@/lib/validations/board";
import { AddCardForm } from "@/components/board/add-card-form";
import { AddColumnForm } from "@/components/board/add-column-form";
import { listId, parseListId } from "@/components/board/board-order";
import { StaticCardList, type CardListProps } from "@/components/board/card-list";
import { ColumnHeader } from "@/components/board/column-header";
import type { BoardMutations } from "@/components/board/use-board-mutations";
import type { BoardCardCounts } from "@/components/board/board-view";
import { cn } from "@/lib/cn";

type Lists = Map<string, BoardCardJson[]>;

export const COLUMN_ROW_CLASS = "flex min-h-full w-max items-stretch gap-3 p-3";

export function columnClass(dragging: boolean): string {
  return cn(
    "flex w-72 shrink-0 flex-col rounded-xl bg-muted/80 ring-1 ring-border/60 dark:bg-surface",
    dragging && "shadow-2xl ring-brand/40",
  );
}

export type DragHandleProps = HTMLAttributes<HTMLElement> | null | undefined;

export type CanvasSlots = {
  /** The columns side by side on a board without lanes (a drop area for columns when dragging). */
  ColumnRow: ComponentType<{ canEdit: boolean; children: ReactNode; footer: ReactNode }>;
  /** One column of such a board (it drags by its header): `children` gets the header's handle props. */
  ColumnFrame: ComponentType<{
    column: ColumnJson;
    index: number;
    canEdit: boolean;
    children: (dragHandleProps: DragHandleProps) => ReactNode;
  }>;
  /** One (column, lane) list of cards. */
  List: ComponentType<CardListProps>;
};

export const STATIC_SLOTS: CanvasSlots = {
  ColumnRow: ({ children, footer }) => (
    <div className={COLUMN_ROW_CLASS}>
      {children}
      {footer}
    </div>
  ),
  ColumnFrame: ({ column, children }) => (
    <section
      aria-label={column.name}
      data-testid="board-column"
      data-column-id={column.id}
      className={columnClass(false)}
    >
      {children(null)}
    </section>
  ),
  List: StaticCardList,
};

export type CanvasLayoutProps = {
  board: BoardJson;
  /** The cards the filters show, per list id. */
  visible: Lists;
  canEdit: boolean;
  mutations: BoardMutations;
  scrollRef: RefObject<HTMLDivElement | null>;
  /** The server's counts while only the first cards of each list are here (a big board loading). */
  counts?: BoardCardCounts | null;
  slots: CanvasSlots;
};

export function CanvasLayout({ board, visible, canEdit, mutations, scrollRef, counts, slots }: CanvasLayoutProps) {
  // The scroll container as state, not only a ref: long lists virtualise over it, and a child's
  // layout effect runs before its parent's ref is set.
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const { ColumnRow, ColumnFrame } = slots;

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

  const headerCounts = { columns: columnCounts, shown: shownCounts };

  return (
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
          counts={headerCounts}
          laneCounts={counts?.lanes ?? null}
          List={slots.List}
        />
      ) : (
        <ColumnRow
          canEdit={canEdit}
          footer={canEdit ? <AddColumnForm boardId={board.id} onApply={mutations.apply} /> : null}
        >
          {board.columns.map((column, index) => (
            <ColumnFrame key={column.id} column={column} index={index} canEdit={canEdit}>
              {(dragHandleProps) => (
                <>
                  <div className="sticky top-0 z-10 rounded-t-xl bg-muted dark:bg-surface">
                    <BoardColumnHeader
                      board={board}
                      column={column}
                      index={index}
                      counts={headerCounts}
                      canEdit={canEdit}
                      mutations={mutations}
                      dragHandleProps={dragHandleProps}
                    />
                  </div>
                  <ColumnList
                    column={column}
                    laneId={null}
                    visible={visible}
                    scrollElement={scroller}
                    canEdit={canEdit}
                    mutations={mutations}
                    List={slots.List}
                  />
                </>
              )}
            </ColumnFrame>
          ))}
        </ColumnRow>
      )}
    </div>
  );
}

/** Per column: its open cards, and how many of them the filters show. */
type HeaderCounts = { columns: Map<string, number>; shown: Map<string, number> };

/** A column's header as both layouts draw it (the column-dragging one passes its handle). */
function BoardColumnHeader({
  board,
  column,
  index,
  counts,
  canEdit,
  mutations,
  dragHandleProps,
}: {
  board: BoardJson;
  column: ColumnJson;
  index: number;
  counts: HeaderCounts;
  canEdit: boolean;
  mutations: BoardMutations;
  dragHandleProps?: DragHandleProps;
}) {
  return (
    <ColumnHeader
      boardId={board.id}
      column={column}
      count={counts.columns.get(column.id) ?? 0}
      shown={counts.shown.get(column.id) ?? 0}
      index={index}
      columnCount={board.columns.length}
      canEdit={canEdit}
      dragHandleProps={dragHandleProps}
      onApply={mutations.apply}
      onMove={(to) => void mutations.moveColumn(column.id, to)}
    />
  );
}

function ColumnList({
  column,
  laneId,
  visible,
  scrollElement,
  canEdit,
  mutations,
  laneName,
  List,
}: {
  column: ColumnJson;
  laneId: string | null;
  visible: Lists;
  scrollElement: HTMLDivElement | null;
  canEdit: boolean;
  mutations: BoardMutations;
  laneName?: string;
  List: CanvasSlots["List"];
}) {
  const key = { columnId: column.id, laneId };
  const cards = visible.get(listId(key)) ?? [];
  const name = laneName ? `${column.name}, lane ${laneName}` : column.name;
  return (
    <List
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
  counts,
  laneCounts,
  List,
}: {
  board: BoardJson;
  visible: Lists;
  canEdit: boolean;
  mutations: BoardMutations;
  scrollElement: HTMLDivElement | null;
  counts: HeaderCounts;
  laneCounts: Record<string, number> | null;
  List: CanvasSlots["List"];
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
              <BoardColumnHeader
                board={board}
                column={column}
                index={index}
                counts={counts}
                canEdit={canEdit}
                mutations={mutations}
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
                    List={List}
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
