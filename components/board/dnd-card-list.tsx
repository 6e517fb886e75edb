"use client";
// One (column, lane) list of cards with drag and drop: a hello-pangea/dnd Droppable of Draggable
// cards. Up to VIRTUAL_FROM cards it renders every card; longer lists render only the cards near
// the viewport (virtual-card-list.tsx, loaded only by boards that have such a list), so a column
// of thousands stays as quick as one of ten.
import { Droppable } from "@hello-pangea/dnd";
import dynamic from "next/dynamic";
import { memo } from "react";
import { useBoard } from "@/components/board/board-context";
import { listId } from "@/components/board/board-order";
import { EmptyList, LIST_CLASS, VIRTUAL_FROM, type CardListProps } from "@/components/board/card-list";
import { DraggableCard } from "@/components/board/draggable-card";
import { cn } from "@/lib/cn";

const VirtualCardList = dynamic(() => import("@/components/board/virtual-card-list").then((m) => m.VirtualCardList), {
  ssr: false,
  loading: () => (
    <p role="status" className="px-3 py-4 text-center text-xs text-muted-foreground">
      Loading cards…
    </p>
  ),
});

export const DndCardList = memo(function DndCardList(props: CardListProps) {
  return props.cards.length > VIRTUAL_FROM ? <VirtualCardList {...props} /> : <StandardCardList {...props} />;
});

function StandardCardList({ list, cards, emptyText, footer, className }: CardListProps) {
  const { canEdit } = useBoard();
  return (
    <Droppable droppableId={listId(list)} type="CARD" isDropDisabled={!canEdit}>
      {(provided, snapshot) => (
        <div
          ref={provided.innerRef}
          {...provided.droppableProps}
          data-testid="card-list"
          className={cn(LIST_CLASS, snapshot.isDraggingOver && "bg-brand-soft", className)}
        >
          {cards.map((card, index) => (
            <CardTile key={card.id} card={card} index={index} />
          ))}
          {provided.placeholder}
          {cards.length === 0 && !snapshot.isDraggingOver && emptyText ? <EmptyList text={emptyText} /> : null}
          {footer}
        </div>
      )}
    </Droppable>
  );
}

/** A card in a standard (not virtual) list. */
const CardTile = memo(DraggableCard);
