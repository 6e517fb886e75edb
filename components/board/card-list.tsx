"use client";
// One (column, lane) list of cards: a hello-pangea/dnd Droppable. Up to VIRTUAL_FROM cards it
// renders every card; longer lists render only the cards near the viewport (virtual-card-list.tsx,
// loaded only by boards that have such a list), so a column of thousands stays as quick as one
// of ten.
import { Droppable } from "@hello-pangea/dnd";
import dynamic from "next/dynamic";
import { memo, type ReactNode } from "react";
import type { BoardCardJson } from "@/lib/validations/board";
import { useBoard } from "@/components/board/board-context";
import { listId, type ListKey } from "@/components/board/board-order";
import { CardTile } from "@/components/board/card-tile";
import { cn } from "@/lib/cn";

/** Lists longer than this are virtualised. */
export const VIRTUAL_FROM = 100;

const VirtualCardList = dynamic(() => import("@/components/board/virtual-card-list").then((m) => m.VirtualCardList), {
  ssr: false,
  loading: () => (
    <p role="status" className="px-3 py-4 text-center text-xs text-muted-foreground">
      Loading cards…
    </p>
  ),
});

export type CardListProps = {
  list: ListKey;
  cards: BoardCardJson[];
  /** The board's scroll container (the one scroll parent of every list), once mounted. */
  scrollElement: HTMLDivElement | null;
  /** Shown in an empty list. */
  emptyText?: string;
  /** Right under the cards, inside the drop area (the "Add a card" field). */
  footer?: ReactNode;
  className?: string;
};

export const CardList = memo(function CardList(props: CardListProps) {
  return props.cards.length > VIRTUAL_FROM ? <VirtualCardList {...props} /> : <StandardCardList {...props} />;
});

function StandardCardList({ list, cards, emptyText, footer, className }: CardListProps) {
  const { canEdit, cardsLoading } = useBoard();
  return (
    <Droppable droppableId={listId(list)} type="CARD" isDropDisabled={!canEdit}>
      {(provided, snapshot) => (
        <div
          ref={provided.innerRef}
          {...provided.droppableProps}
          data-testid="card-list"
          className={cn(
            "flex min-h-16 flex-1 flex-col rounded-lg px-2 pt-1 transition-colors",
            snapshot.isDraggingOver && "bg-brand-soft",
            className,
          )}
        >
          {cards.map((card, index) => (
            <CardTile key={card.id} card={card} index={index} />
          ))}
          {provided.placeholder}
          {cardsLoading ? <CardSkeletons count={cards.length === 0 ? 3 : 1} /> : null}
          {cards.length === 0 && !cardsLoading && !snapshot.isDraggingOver && emptyText ? (
            <p className="pointer-events-none mb-2 rounded-lg border border-dashed border-border px-3 py-4 text-center text-xs text-muted-foreground">
              {emptyText}
            </p>
          ) : null}
          {footer}
        </div>
      )}
    </Droppable>
  );
}

/** Stand-ins while a big board's cards are read (the board announces "Loading the cards…" once). */
function CardSkeletons({ count }: { count: number }) {
  return (
    <div aria-hidden="true" className="mb-2 space-y-2" data-testid="card-skeletons">
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="h-16 animate-pulse rounded-lg bg-muted ring-1 ring-inset ring-border/60" />
      ))}
    </div>
  );
}
