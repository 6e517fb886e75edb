"use client";
// A card in a drag-and-drop list (dnd-card-list.tsx, virtual-card-list.tsx): a hello-pangea/dnd
// Draggable drawing CardShell, draggable by editors unless it is still being created. Its own file
// so that card-tile.tsx, which a big board's first screenful draws, does not load the library.
import { Draggable } from "@hello-pangea/dnd";
import type { CSSProperties } from "react";
import type { BoardCardJson } from "@/lib/validations/board";
import { useBoard } from "@/components/board/board-context";
import { CardShell } from "@/components/board/card-tile";

export function DraggableCard({
  card,
  index,
  style,
  measureRef,
  dataIndex,
}: {
  card: BoardCardJson;
  index: number;
  /** A virtual list's row position. */
  style?: CSSProperties;
  measureRef?: (el: HTMLElement | null) => void;
  dataIndex?: number;
}) {
  const { meta, canEdit, commands } = useBoard();
  return (
    <Draggable draggableId={card.id} index={index} isDragDisabled={!canEdit || card.id.startsWith("pending-")}>
      {(provided, snapshot) => (
        <CardShell
          card={card}
          meta={meta}
          provided={provided}
          snapshot={snapshot}
          canEdit={canEdit}
          style={style}
          measureRef={measureRef}
          dataIndex={dataIndex}
          onCommand={(command) => commands.card(card.id, command)}
        />
      )}
    </Draggable>
  );
}
