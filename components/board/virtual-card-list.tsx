"use client";
// A long list of cards, virtualised: only the cards near the viewport are rendered
// (@tanstack/react-virtual over the board's one scroll container, with the list's offset in it as
// the scroll margin), the Droppable in hello-pangea/dnd's "virtual" mode, with a drag clone (the
// dragged card may scroll out and unmount) and an extra empty row standing in for the placeholder
// while a card from another list hovers here.
import { Droppable, type DraggableChildrenFn } from "@hello-pangea/dnd";
import { measureElement as measureFromEntry, useVirtualizer, type Virtualizer } from "@tanstack/react-virtual";
import { useLayoutEffect, useRef, useState } from "react";
import type { BoardCardJson } from "@/lib/validations/board";
import { useBoard } from "@/components/board/board-context";
import { listId } from "@/components/board/board-order";
import type { CardListProps } from "@/components/board/card-list";
import { CardShell } from "@/components/board/card-tile";
import { DraggableCard } from "@/components/board/draggable-card";
import { cn } from "@/lib/cn";

const ESTIMATED_CARD_HEIGHT = 76;

/**
 * A card's height from the virtualiser's ResizeObserver, which reports every mounted card at once
 * after layout (one pass over the list for all of them). When a card mounts, its last known height
 * (or the estimate) stands until then: measuring it there (offsetHeight, the default) forced a
 * layout and a pass over the whole list per card, ~0.3 s of the 4,000-card board's first render
 * (npm run bench:board, Chromium trace).
 */
function measureCard(
  el: HTMLElement,
  entry: ResizeObserverEntry | undefined,
  instance: Virtualizer<HTMLDivElement, HTMLElement>,
): number {
  if (entry) return measureFromEntry(el, entry, instance);
  const index = instance.indexFromElement(el);
  return instance.itemSizeCache.get(instance.options.getItemKey(index)) ?? instance.options.estimateSize(index);
}

export function VirtualCardList({ list, cards, scrollElement, footer, className }: CardListProps) {
  const { meta, canEdit } = useBoard();
  const listRef = useRef<HTMLDivElement | null>(null);
  const [margin, setMargin] = useState(0);
  // Where this list starts inside the scroll container's content: the virtualiser's scrollMargin.
  useLayoutEffect(() => {
    const scroller = scrollElement;
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
  }, [scrollElement]);

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
            scrollElement={scrollElement}
            margin={margin}
            innerRef={(el) => {
              listRef.current = el;
              provided.innerRef(el);
            }}
            droppableProps={provided.droppableProps}
            className={cn(
              // Its own height (the virtualiser's total): a flex item that neither grows nor shrinks.
              "relative flex-none rounded-lg px-2 pt-1 transition-colors",
              snapshot.isDraggingOver && "bg-brand-soft",
              className,
            )}
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
  scrollElement,
  margin,
  innerRef,
  droppableProps,
  className,
}: {
  cards: BoardCardJson[];
  extraRow: boolean;
  scrollElement: HTMLDivElement | null;
  margin: number;
  innerRef: (el: HTMLDivElement | null) => void;
  droppableProps: object;
  className: string;
}) {
  // One more (empty) row while a card from another list hovers here: the placeholder's stand-in.
  const count = cards.length + (extraRow ? 1 : 0);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollElement,
    estimateSize: () => ESTIMATED_CARD_HEIGHT,
    // hello-pangea/dnd needs at least one rendered card beyond each edge of the window.
    overscan: 6,
    scrollMargin: margin,
    measureElement: measureCard,
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
          <DraggableCard
            key={card.id}
            card={card}
            index={row.index}
            dataIndex={row.index}
            measureRef={virtualizer.measureElement}
            style={{ position: "absolute", left: 8, right: 8, top: row.start - margin + 4 }}
          />
        );
      })}
    </div>
  );
}
