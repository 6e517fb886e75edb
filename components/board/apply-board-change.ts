// What a viewer does with one board change (a live event's payload, or a server action's answer
// in the same shape): upsert the cards, columns, lanes and labels listed, drop the removed ones,
// replace the member list, merge the board's own fields. A card is taken only when its version is
// at least the one held, so an older event arriving after a newer answer never rolls a card back;
// a card that is archived or now on another board leaves this one. Pure, so the reducer of the
// board page and its tests share it.
import type { BoardCardJson, BoardChangePayload, BoardJson, CardJson } from "@/lib/validations/board";
import { byPosition } from "@/components/board/board-order";

function upsert<T extends { id: string }>(list: readonly T[], incoming: readonly T[] | undefined, removed?: string[]) {
  if (!incoming?.length && !removed?.length) return list as T[];
  const gone = new Set(removed ?? []);
  const byId = new Map(list.filter((x) => !gone.has(x.id)).map((x) => [x.id, x]));
  for (const item of incoming ?? []) if (!gone.has(item.id)) byId.set(item.id, item);
  return [...byId.values()];
}

function definedFields<T extends object>(fields: T | undefined): Partial<T> {
  if (!fields) return {};
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function applyBoardChange(board: BoardJson, payload: BoardChangePayload): BoardJson {
  const columns = upsert(board.columns, payload.columns, payload.removedColumnIds).sort(byPosition);
  const lanes = upsert(board.lanes, payload.lanes, payload.removedLaneIds).sort(byPosition);
  const labels = upsert(board.labels, payload.labels, payload.removedLabelIds).sort(
    (a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1),
  );

  const removedCards = new Set(payload.removedCardIds ?? []);
  const cards = new Map<string, BoardCardJson>();
  for (const card of board.cards) if (!removedCards.has(card.id)) cards.set(card.id, card);
  for (const card of payload.cards ?? []) {
    if (removedCards.has(card.id)) continue;
    const held = cards.get(card.id);
    if (held && card.version < held.version) continue;
    if (leavesBoard(card, board.id)) cards.delete(card.id);
    else cards.set(card.id, card);
  }

  // A deleted label or a member who left no longer shows on the cards that named them.
  const labelIds = new Set(labels.map((l) => l.id));
  const members = payload.members ?? board.members;
  const memberIds = new Set(members.map((m) => m.userId));
  const tidy = (card: BoardCardJson): BoardCardJson => {
    const keepLabels = card.labelIds.every((id) => labelIds.has(id));
    const keepAssignees = !payload.members || card.assigneeIds.every((id) => memberIds.has(id));
    if (keepLabels && keepAssignees) return card;
    return {
      ...card,
      labelIds: card.labelIds.filter((id) => labelIds.has(id)),
      assigneeIds: payload.members ? card.assigneeIds.filter((id) => memberIds.has(id)) : card.assigneeIds,
    };
  };

  return {
    ...board,
    ...definedFields(payload.board),
    members,
    columns,
    lanes,
    labels,
    cards: [...cards.values()].map(tidy).sort(byPosition),
  };
}

/**
 * Events carry lean cards (removals are listed as removedCardIds); a server action's answer may
 * carry a whole card, archived or now on another board: it leaves this one.
 */
function leavesBoard(card: BoardCardJson & Partial<Pick<CardJson, "archivedAt" | "boardId">>, boardId: string) {
  return (card.archivedAt ?? null) !== null || (card.boardId !== undefined && card.boardId !== boardId);
}

/** The change says too much moved to list it: the viewer fetches the board again. */
export function needsReload(payload: BoardChangePayload): boolean {
  return payload.reload === true;
}
