"use client";
// One (column, lane) list of cards: a hello-pangea/dnd Droppable. Up to VIRTUAL_FROM cards it
// renders every card; longer lists render only the cards near the viewport (@tanstack/react-virtual
// over the board's one scroll container, the Droppable in "virtual" mode with a drag clone and a
// stand-in for the placeholder), so a column of thousands stays as quick as one of ten.
import { Draggable, Droppable, type DraggableChildrenFn } from "@hello-pangea/dnd";
import { useVirtualizer } from "@tanstack/react-virtual";
import { memo, useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from "react";
import type { CardJson } from "@/lib/validations/board";
import { useBoard } from "@/components/board/board-context";
import { listId, type ListKey } from "@/components/board/board-order";
import { CardShell, CardTile } from "@/components/board/card-tile";
import { cn } from "@/lib/cn";

/** Lists longer than this are virtualised. */
export const VIRTUAL_FROM = 100;
const ESTIMATED_CARD_HEIGHT = 76;

type Props = {
  list: ListKey;
  cards: CardJson[];
  /** The board's scroll container (the one scroll parent of every list). */
  scrollRef: RefObject<HTMLDivElement | null>;
  /** Shown in an empty list. */
  emptyText?: string;
  /** Right under the cards, inside the drop area (the "Add a card" field). */
  footer?: ReactNode;
  className?: string;
};

export const CardList = memo(function CardList(props: Props) {
  return props.cards.length > VIRTUAL_FROM ? <VirtualCardList {...props} /> : <StandardCardList {...props} />;
});

function StandardCardList({ list, cards, emptyText, footer, className }: Props) {
  const { canEdit } = useBoard();
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
          {cards.length === 0 && !snapshot.isDraggingOver && emptyText ? (
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

function VirtualCardList({ list, cards, scrollRef, footer, className }: Props) {
  const { meta, canEdit, commands } = useBoard();
  const listRef = useRef<HTMLDivElement | null>(null);
  const [margin, setMargin] = useState(0);
  // Where this list starts inside the scroll container's content: the virtualiser's scrollMargin.
  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    const el = listRef.current;
    if (!scroller || !el) return;
    const measure = () => {
      const top = el.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
      setMargin((m) => (Math.abs(m - top) > 0.5 ? top : m));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(scroller);
    if (scroller.firstElementChild) observer.observe(scroller.firstElementChild);
    return () => observer.disconnect();
  }, [scrollRef]);

  const renderClone: DraggableChildrenFn = (provided, snapshot, rubric) => {
    const card = cards[rubric.source.index];
    if (!card) return null;
    return <CardShell card={card} meta={meta} provided={provided} snapshot={snapshot} canEdit={canEdit} clone />;
  };

  return (
    <>
      <Droppable
        droppableId={listId(list)}
        type="CARD"
        mode="virtual"
        isDropDisabled={!canEdit}
        renderClone={renderClone}
      >
        {(provided, snapshot) => (
          <VirtualRows
            cards={cards}
            extraRow={snapshot.isUsingPlaceholder}
            scrollRef={scrollRef}
            margin={margin}
            innerRef={(el) => {
              listRef.current = el;
              provided.innerRef(el);
            }}
            droppableProps={provided.droppableProps}
            className={cn(
              "relative flex-1 rounded-lg px-2 pt-1 transition-colors",
              snapshot.isDraggingOver && "bg-brand-soft",
              className,
            )}
            onCommand={(id, c) => commands.card(id, c)}
          />
        )}
      </Droppable>
      {footer}
    </>
  );
}

function VirtualRows({
  cards,
  extraRow,
  scrollRef,
  margin,
  innerRef,
  droppableProps,
  className,
  onCommand,
}: {
  cards: CardJson[];
  extraRow: boolean;
  scrollRef: RefObject<HTMLDivElement | null>;
  margin: number;
  innerRef: (el: HTMLDivElement | null) => void;
  droppableProps: object;
  className: string;
  onCommand: (cardId: string, command: Parameters<ReturnType<typeof useBoard>["commands"]["card"]>[1]) => void;
}) {
  const { meta, canEdit } = useBoard();
  // One more (empty) row while a card from another list hovers here: the placeholder's stand-in.
  const count = cards.length + (extraRow ? 1 : 0);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_CARD_HEIGHT,
    // hello-pangea/dnd needs at least one rendered card beyond each edge of the window.
    overscan: 6,
    scrollMargin: margin,
    getItemKey: (index) => cards[index]?.id ?? "placeholder",
  });
  return (
    <div
      ref={innerRef}
      {...droppableProps}
      data-testid="card-list"
      data-virtual="true"
      className={className}
      style={{ height: virtualizer.getTotalSize() + 4 }}
    >
      {virtualizer.getVirtualItems().map((row) => {
        const card = cards[row.index];
        // The placeholder's stand-in only takes room (the container's height includes it).
        if (!card) return null;
        return (
          <Draggable
            key={card.id}
            draggableId={card.id}
            index={row.index}
            isDragDisabled={!canEdit || card.id.startsWith("pending-")}
          >
            {(provided, snapshot) => (
              <CardShell
                card={card}
                meta={meta}
                provided={provided}
                snapshot={snapshot}
                canEdit={canEdit}
                dataIndex={row.index}
                measureRef={virtualizer.measureElement}
                style={{
                  position: "absolute",
                  left: 8,
                  right: 8,
                  top: row.start - margin + 4,
                }}
                onCommand={(c) => onCommand(card.id, c)}
              />
            )}
          </Draggable>
        );
      })}
    </div>
  );
}
