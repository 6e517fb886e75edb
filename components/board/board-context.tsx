"use client";
// What every column and card of a board needs and that changes rarely: the board's labels and
// members (to draw chips and avatars), today's date, whether the viewer may change cards, and the
// commands a card can give (open, move to…, shortcuts). The commands are stable functions (they
// read the latest board through refs), so the memoised cards do not re-render when they change.
import { createContext, useContext } from "react";
import type { CardFaceMeta } from "@/components/board/card-face";

export type CardCommand =
  | "open"
  | "edit"
  | "move-dialog"
  | "archive"
  | "prev-column"
  | "next-column"
  | "up"
  | "down"
  | "top"
  | "bottom"
  | "focus-up"
  | "focus-down"
  | "focus-left"
  | "focus-right";

export type BoardCommands = {
  card: (cardId: string, command: CardCommand) => void;
  /** The "?" key anywhere on the board. */
  showShortcuts: () => void;
};

export type BoardContextValue = {
  meta: CardFaceMeta;
  canEdit: boolean;
  /** The cards are still on their way (a big board's page carries none; board-view.tsx reads them). */
  cardsLoading: boolean;
  commands: BoardCommands;
};

export const BoardContext = createContext<BoardContextValue | null>(null);

export function useBoard(): BoardContextValue {
  const value = useContext(BoardContext);
  if (!value) throw new Error("useBoard outside a board");
  return value;
}
