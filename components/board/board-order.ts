// The board's order on the client, the same one the server keeps (lib/data/boards/board-json.ts
// byPosition, positions.ts keyAt): fractional keys compared byte by byte, ties by id. The board
// page puts a moved card at once where it will land, between the same neighbours the server
// will put it between, so the optimistic order and the confirmed one agree.
import { generateKeyBetween } from "fractional-indexing";
import type { BoardJson, BoardCardJson } from "@/lib/validations/board";

/** Byte order of keys (they are ASCII), then id. */
export function byPosition<T extends { position: string; id: string }>(a: T, b: T): number {
  if (a.position !== b.position) return a.position < b.position ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Where a card sits: its column and, on a board with swimlanes, its lane. */
export type ListKey = { columnId: string; laneId: string | null };

export function sameList(a: ListKey, b: ListKey): boolean {
  return a.columnId === b.columnId && (a.laneId ?? null) === (b.laneId ?? null);
}

/** The droppable id of a (column, lane) list: "list:<columnId>:<laneId or ->". */
export function listId(key: ListKey): string {
  return `list:${key.columnId}:${key.laneId ?? "-"}`;
}

export function parseListId(id: string): ListKey | null {
  const m = /^list:([^:]+):([^:]+)$/.exec(id);
  if (!m) return null;
  return { columnId: m[1]!, laneId: m[2] === "-" ? null : m[2]! };
}

/** The cards of one (column, lane) list, in order. On a board without lanes the lane is ignored. */
export function cardsIn(board: Pick<BoardJson, "cards" | "swimlanesEnabled">, key: ListKey): BoardCardJson[] {
  return board.cards
    .filter((c) => c.columnId === key.columnId && (!board.swimlanesEnabled || c.laneId === key.laneId))
    .sort(byPosition);
}

/**
 * The key for putting an item at `index` of `siblings` (the list without the item; sorted or
 * not): as the server's keyAt, so equal keys from outside writes are stepped over.
 */
export function keyAt(siblings: readonly { id: string; position: string }[], index: number): string {
  const ordered = [...siblings].sort(byPosition);
  const at = Math.max(0, Math.min(index, ordered.length));
  const before = ordered[at - 1]?.position ?? null;
  let after = ordered[at]?.position ?? null;
  if (before !== null && after !== null && after <= before) {
    after = ordered.slice(at).find((s) => s.position > before)?.position ?? null;
  }
  try {
    return generateKeyBetween(before, after);
  } catch {
    // A key the library does not accept (written by hand into the database): go to the end of the
    // run; the server's answer puts the card where it really is a moment later.
    return generateKeyBetween(ordered.at(-1)?.position ?? null, null);
  }
}

/** The board with one card placed at `index` of `to` (index counted without the card). */
export function placeCard(board: BoardJson, cardId: string, to: ListKey & { index: number }): BoardJson {
  const card = board.cards.find((c) => c.id === cardId);
  if (!card) return board;
  const laneId = board.swimlanesEnabled ? to.laneId : null;
  const siblings = cardsIn(board, { columnId: to.columnId, laneId }).filter((c) => c.id !== cardId);
  const position = keyAt(siblings, to.index);
  const moved: BoardCardJson = { ...card, columnId: to.columnId, laneId, position };
  return { ...board, cards: board.cards.map((c) => (c.id === cardId ? moved : c)).sort(byPosition) };
}

/** The board with one column put at `index` of the columns (counted without it). */
export function placeColumn(board: BoardJson, columnId: string, index: number): BoardJson {
  const column = board.columns.find((c) => c.id === columnId);
  if (!column) return board;
  const position = keyAt(
    board.columns.filter((c) => c.id !== columnId),
    index,
  );
  return {
    ...board,
    columns: board.columns.map((c) => (c.id === columnId ? { ...c, position } : c)).sort(byPosition),
  };
}

/** 1-based position of a card in its list, and the list's length. */
export function positionOf(board: BoardJson, cardId: string): { index: number; count: number; key: ListKey } | null {
  const card = board.cards.find((c) => c.id === cardId);
  if (!card) return null;
  const key = { columnId: card.columnId, laneId: board.swimlanesEnabled ? card.laneId : null };
  const list = cardsIn(board, key);
  return { index: list.findIndex((c) => c.id === cardId), count: list.length, key };
}

/**
 * The index in the whole list for a drop at `visibleIndex` of the list as the filters show it
 * (both without the moving card): just before the visible card now at that index, or just after
 * the last visible card when dropped at the end.
 */
export function fullIndex(
  full: readonly { id: string }[],
  visible: readonly { id: string }[],
  visibleIndex: number,
): number {
  const before = visible[visibleIndex];
  if (before) {
    const at = full.findIndex((c) => c.id === before.id);
    if (at >= 0) return at;
  }
  const last = visible.at(-1);
  if (!last || visibleIndex < visible.length) return full.length;
  const at = full.findIndex((c) => c.id === last.id);
  return at >= 0 ? at + 1 : full.length;
}
