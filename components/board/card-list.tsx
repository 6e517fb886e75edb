"use client";
// One (column, lane) list of cards as canvas-layout.tsx draws it. StaticCardList is a big board's
// first screenful (its first cards, not draggable yet, with stand-ins below while the rest is
// read); the drag-and-drop lists are in dnd-card-list.tsx.
import type { ReactNode } from "react";
import type { BoardCardJson } from "@/lib/validations/board";
import { useBoard } from "@/components/board/board-context";
import type { ListKey } from "@/components/board/board-order";
import { StaticCardTile } from "@/components/board/card-tile";
import { cn } from "@/lib/cn";

/** Lists longer than this are virtualised. */
export const VIRTUAL_FROM = 100;

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

export const LIST_CLASS = "flex min-h-16 flex-1 flex-col rounded-lg px-2 pt-1 transition-colors";

export function StaticCardList({ cards, emptyText, footer, className }: CardListProps) {
  const { cardsLoading } = useBoard();
  return (
    <div data-testid="card-list" className={cn(LIST_CLASS, className)}>
      {cards.map((card) => (
        <StaticCardTile key={card.id} card={card} />
      ))}
      {cardsLoading ? <CardSkeletons count={cards.length === 0 ? 3 : 1} /> : null}
      {cards.length === 0 && !cardsLoading && emptyText ? <EmptyList text={emptyText} /> : null}
      {footer}
    </div>
  );
}

export function EmptyList({ text }: { text: string }) {
  return (
    <p className="pointer-events-none mb-2 rounded-lg border border-dashed border-border px-3 py-4 text-center text-xs text-muted-foreground">
      {text}
    </p>
  );
}

/** Stand-ins while a big board's cards are read (the board announces "Loading the cards…" once). */
export function CardSkeletons({ count }: { count: number }) {
  return (
    <div aria-hidden="true" className="mb-2 space-y-2" data-testid="card-skeletons">
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="h-16 animate-pulse rounded-lg bg-muted ring-1 ring-inset ring-border/60" />
      ))}
    </div>
  );
}
