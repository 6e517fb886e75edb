"use client";
// The board itself (canvas-layout.tsx). With all its cards here it is the drag-and-drop canvas
// (board-dnd-canvas.tsx, hello-pangea/dnd): its code is a chunk of its own, which the server's
// render of a small board preloads with the page (next/dynamic with SSR). A big board's page first
// shows the first cards of each list; they cannot be dragged until all the cards are here (a
// drop's index counts them all), so that first screenful is drawn without the library: it is
// neither downloaded nor hydrated before the page answers the keyboard, and the board's keyboard
// moves and "Move to…" work on it at once (board-view.tsx). board-view.tsx loads this chunk with
// the full read and swaps the canvas in the same transition.
import dynamic from "next/dynamic";
import { memo } from "react";
import { CanvasLayout, STATIC_SLOTS, type CanvasLayoutProps } from "@/components/board/canvas-layout";

export type BoardCanvasProps = Omit<CanvasLayoutProps, "slots">;

export const loadDndCanvas = () => import("@/components/board/board-dnd-canvas");

const DndBoardCanvas = dynamic(() => loadDndCanvas().then((m) => m.DndBoardCanvas));

export const BoardCanvas = memo(function BoardCanvas(props: BoardCanvasProps) {
  return props.counts ? <CanvasLayout {...props} slots={STATIC_SLOTS} /> : <DndBoardCanvas {...props} />;
});
