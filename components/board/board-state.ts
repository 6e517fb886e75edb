// The board page's state: the board as the server last said it is (`base`: the page's load, then
// action answers and live events applied in order), and the person's own changes still on their
// way (`pending`), shown on top of it. A change shows at once; when its answer comes, it leaves
// `pending` and the server's version of it joins `base`; when it is refused, it just leaves
// `pending` (the rollback). Live events never fight a pending move: the view re-applies the
// pending changes over whatever the base has become.
import type { BoardChangePayload, BoardEventJson, BoardJson, BoardCardJson } from "@/lib/validations/board";
import { applyBoardChange } from "@/components/board/apply-board-change";
import { byPosition, placeCard, placeColumn, type ListKey } from "@/components/board/board-order";

export type PendingChange =
  | { kind: "move"; cardId: string; to: ListKey & { index: number } }
  | { kind: "card"; card: BoardCardJson }
  | { kind: "remove-card"; cardId: string }
  /** `known`: the ids of the cards on the board when the stand-in was made. */
  | { kind: "add-card"; card: BoardCardJson; known: ReadonlySet<string> }
  | { kind: "move-column"; columnId: string; index: number };

export type BoardState = { base: BoardJson; pending: { id: number; change: PendingChange }[] };

export type BoardStateAction =
  | { type: "optimistic"; id: number; change: PendingChange }
  /** The change was made: forget it and take the server's answer (if any). */
  | { type: "settle"; id: number; payload?: BoardChangePayload }
  /** The change was refused: forget it. */
  | { type: "rollback"; id: number }
  /** A server answer outside any pending change (undo, dialog edits, settings). */
  | { type: "apply"; payload: BoardChangePayload }
  /** Live events, in order; ones already held (seq not above the base's) are skipped. */
  | { type: "events"; events: BoardEventJson[] }
  /** A fresh load of the board replaces the base. */
  | { type: "replace"; board: BoardJson };

export function boardReducer(state: BoardState, action: BoardStateAction): BoardState {
  switch (action.type) {
    case "optimistic":
      return { ...state, pending: [...state.pending, { id: action.id, change: action.change }] };
    case "settle":
      return {
        base: action.payload ? applyBoardChange(state.base, action.payload) : state.base,
        pending: state.pending.filter((p) => p.id !== action.id),
      };
    case "rollback":
      return { ...state, pending: state.pending.filter((p) => p.id !== action.id) };
    case "apply":
      return { ...state, base: applyBoardChange(state.base, action.payload) };
    case "events": {
      let base = state.base;
      for (const event of action.events) {
        if (event.seq <= base.seq) continue;
        base = { ...applyBoardChange(base, event.payload), seq: event.seq };
      }
      return base === state.base ? state : { ...state, base };
    }
    case "replace":
      return { ...state, base: action.board };
  }
}

function applyPending(board: BoardJson, change: PendingChange): BoardJson {
  switch (change.kind) {
    case "move":
      return placeCard(board, change.cardId, change.to);
    case "card":
      if (!board.cards.some((c) => c.id === change.card.id)) return board;
      return { ...board, cards: board.cards.map((c) => (c.id === change.card.id ? change.card : c)).sort(byPosition) };
    case "remove-card":
      return { ...board, cards: board.cards.filter((c) => c.id !== change.cardId) };
    case "add-card":
      // The live event of the new card can arrive before the action's answer: once the board holds
      // a real card like it (same title and list, not there when the stand-in was made), the
      // stand-in steps aside.
      if (board.cards.some((c) => isCreatedFrom(c, change.card, change.known))) return board;
      return { ...board, cards: [...board.cards, change.card].sort(byPosition) };
    case "move-column":
      return placeColumn(board, change.columnId, change.index);
  }
}

function isCreatedFrom(card: BoardCardJson, standIn: BoardCardJson, known: ReadonlySet<string>): boolean {
  return (
    card.id !== standIn.id &&
    !card.id.startsWith("pending-") &&
    !known.has(card.id) &&
    card.title === standIn.title &&
    card.columnId === standIn.columnId &&
    card.laneId === standIn.laneId
  );
}

/** What the page shows: the base with the pending changes on top, oldest first. */
export function boardView(state: BoardState): BoardJson {
  return state.pending.reduce((board, p) => applyPending(board, p.change), state.base);
}
