"use client";
// One card in a column: in a drag-and-drop list (dnd-card-list.tsx, virtual-card-list.tsx) a
// hello-pangea/dnd Draggable whose handle is the card itself (Space lifts it for a keyboard drag; a
// pointer drags it); on a big board's first screenful the same card without the library
// (StaticCardTile). Opened by a click or Enter, with the board's
// single-key shortcuts while it has focus, and a "⋯" menu (Open, Move to…, top/bottom, Archive;
// card-menu.tsx, loaded on first use) beside the handle rather than inside it, so the handle
// holds no nested control.
import type { DraggableProvided, DraggableStateSnapshot } from "@hello-pangea/dnd";
import { memo, type CSSProperties, type KeyboardEvent } from "react";
import type { BoardCardJson } from "@/lib/validations/board";
import { useBoard, type CardCommand } from "@/components/board/board-context";
import { CardFace, type CardFaceMeta } from "@/components/board/card-face";
import { LazyMenu } from "@/components/board/lazy-menu";
import { cn } from "@/lib/cn";

/** Keys a focused card answers (documented in the shortcuts dialog). */
export function commandForKey(
  event: Pick<KeyboardEvent, "key" | "altKey" | "ctrlKey" | "metaKey" | "shiftKey">,
): CardCommand | null {
  if (event.ctrlKey || event.metaKey) return null;
  if (event.altKey) {
    if (event.key === "ArrowUp") return event.shiftKey ? "top" : "up";
    if (event.key === "ArrowDown") return event.shiftKey ? "bottom" : "down";
    return null;
  }
  switch (event.key) {
    case "Enter":
      return "open";
    case "e":
    case "E":
      return "edit";
    case "m":
    case "M":
      return "move-dialog";
    case "a":
    case "A":
      return "archive";
    case "[":
      return "prev-column";
    case "]":
      return "next-column";
    case "ArrowUp":
      return "focus-up";
    case "ArrowDown":
      return "focus-down";
    case "ArrowLeft":
      return "focus-left";
    case "ArrowRight":
      return "focus-right";
    default:
      return null;
  }
}

export function cardHandleId(cardId: string): string {
  return `card-${cardId}`;
}

type ShellProps = {
  card: BoardCardJson;
  meta: CardFaceMeta;
  provided: DraggableProvided;
  snapshot: DraggableStateSnapshot;
  canEdit: boolean;
  /** Extra style (a virtual list's row position). */
  style?: CSSProperties;
  onCommand?: (command: CardCommand) => void;
  clone?: boolean;
  measureRef?: (el: HTMLElement | null) => void;
  dataIndex?: number;
};

/** The card as drawn in a list (and as the drag clone, with `clone`). */
export function CardShell({
  card,
  meta,
  provided,
  snapshot,
  canEdit,
  style,
  onCommand,
  clone,
  measureRef,
  dataIndex,
}: ShellProps) {
  const pending = card.id.startsWith("pending-");
  const detailsId = clone ? undefined : `${cardHandleId(card.id)}-facts`;
  const handle = provided.dragHandleProps;
  return (
    <div
      ref={(el) => {
        provided.innerRef(el);
        measureRef?.(el);
      }}
      {...provided.draggableProps}
      data-index={dataIndex}
      style={{ ...style, ...provided.draggableProps.style }}
      className="group/card relative pb-2"
    >
      <div
        {...handle}
        id={clone ? undefined : cardHandleId(card.id)}
        data-card-id={card.id}
        data-testid="board-card"
        aria-label={card.title}
        aria-describedby={[detailsId, handle?.["aria-describedby"]].filter(Boolean).join(" ") || undefined}
        tabIndex={pending ? -1 : 0}
        role="button"
        onClick={() => !pending && onCommand?.("open")}
        onKeyDown={(event) => {
          // During a keyboard drag hello-pangea/dnd has taken (and prevented) the keys.
          if (pending || event.defaultPrevented || event.target !== event.currentTarget) return;
          const command = commandForKey(event);
          if (!command) return;
          event.preventDefault();
          event.stopPropagation();
          onCommand?.(command);
        }}
        className={cn(
          "block w-full cursor-pointer rounded-lg border border-border bg-surface px-3 py-2.5 text-left shadow-sm transition-shadow dark:bg-muted dark:shadow-black/30",
          "hover:border-brand/40 hover:shadow focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-[var(--brand)]",
          canEdit ? "active:cursor-grabbing" : "",
          (snapshot.isDragging || clone) && "rotate-[1.5deg] border-brand/50 shadow-xl ring-1 ring-brand/30",
          pending && "cursor-progress opacity-70",
        )}
      >
        <CardFace card={card} meta={meta} describedById={detailsId} />
      </div>
      {!clone && !pending ? <CardMenu card={card} canEdit={canEdit} onCommand={(c) => onCommand?.(c)} /> : null}
    </div>
  );
}

function CardMenu({
  card,
  canEdit,
  onCommand,
}: {
  card: BoardCardJson;
  canEdit: boolean;
  onCommand: (command: CardCommand) => void;
}) {
  return (
    <LazyMenu
      load={loadCardMenu}
      label={`Actions for ${card.title}`}
      className={cn(
        "absolute right-1.5 top-1.5 flex size-7 items-center justify-center rounded-md bg-surface/90 text-muted-foreground shadow-sm ring-1 ring-border backdrop-blur transition",
        "opacity-0 hover:text-foreground focus-visible:opacity-100 group-hover/card:opacity-100 group-focus-within/card:opacity-100",
        "data-[state=open]:opacity-100 [@media(hover:none)]:opacity-100",
      )}
      menu={{ canEdit, onCommand }}
    />
  );
}

const loadCardMenu = () => import("@/components/board/card-menu").then((m) => m.CardMenuContent);

// A card outside drag and drop: no drag handle, never dragging (the only fields CardShell reads).
const STATIC_PROVIDED = {
  innerRef: () => undefined,
  draggableProps: {},
  dragHandleProps: null,
} as unknown as DraggableProvided;
const STATIC_SNAPSHOT = { isDragging: false } as DraggableStateSnapshot;

/**
 * A card of a big board's first screenful, before all its cards are here: focusable, opened by a
 * click or Enter, moved by the board's shortcuts and "Move to…" (board-view.tsx), dragged once the
 * drag-and-drop canvas takes over.
 */
export const StaticCardTile = memo(function StaticCardTile({ card }: { card: BoardCardJson }) {
  const { meta, canEdit, commands } = useBoard();
  return (
    <CardShell
      card={card}
      meta={meta}
      provided={STATIC_PROVIDED}
      snapshot={STATIC_SNAPSHOT}
      canEdit={canEdit}
      onCommand={(command) => commands.card(card.id, command)}
    />
  );
});
