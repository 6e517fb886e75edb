// Rows → the JSON shapes of lib/validations/board.ts. One card select for a whole card (every card
// write, the card's GET, the card list); the board read takes its lean cards in raw SQL
// (read-board-cards.ts), and events carry the lean projection (toBoardCard).
import "server-only";
import type {
  BoardCardJson,
  BoardColor,
  CardJson,
  CardPriority,
  ColumnJson,
  LabelJson,
  LaneJson,
  WipMode,
} from "@/lib/validations/board";

export const cardSelect = {
  id: true,
  boardId: true,
  columnId: true,
  laneId: true,
  position: true,
  title: true,
  description: true,
  dueAt: true,
  priority: true,
  coverColor: true,
  archivedAt: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  customer: { select: { id: true, name: true } },
  transaction: { select: { id: true, number: true } },
  labels: { select: { labelId: true } },
  assignees: { select: { userId: true } },
  checklist: { select: { done: true } },
  _count: { select: { comments: true } },
} as const;

type CardRow = {
  id: string;
  boardId: string;
  columnId: string;
  laneId: string | null;
  position: string;
  title: string;
  description: string | null;
  dueAt: Date | null;
  priority: string;
  coverColor: string | null;
  archivedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  customer: { id: string; name: string } | null;
  transaction: { id: string; number: number } | null;
  labels: { labelId: string }[];
  assignees: { userId: string }[];
  checklist: { done: boolean }[];
  _count: { comments: number };
};

export function toCardJson(row: CardRow): CardJson {
  return {
    id: row.id,
    boardId: row.boardId,
    columnId: row.columnId,
    laneId: row.laneId,
    position: row.position,
    title: row.title,
    description: row.description,
    hasDescription: row.description !== null,
    dueAt: row.dueAt?.toISOString() ?? null,
    priority: row.priority as CardPriority,
    coverColor: row.coverColor as BoardColor | null,
    labelIds: row.labels.map((l) => l.labelId).sort(),
    assigneeIds: row.assignees.map((a) => a.userId).sort(),
    checklist: { done: row.checklist.filter((c) => c.done).length, total: row.checklist.length },
    commentCount: row._count.comments,
    customer: row.customer,
    transaction: row.transaction,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The lean card the board and its live events carry, from a whole one. */
export function toBoardCard(card: BoardCardJson): BoardCardJson {
  return {
    id: card.id,
    columnId: card.columnId,
    laneId: card.laneId,
    position: card.position,
    title: card.title,
    hasDescription: card.hasDescription,
    dueAt: card.dueAt,
    priority: card.priority,
    coverColor: card.coverColor,
    labelIds: card.labelIds,
    assigneeIds: card.assigneeIds,
    checklist: card.checklist,
    commentCount: card.commentCount,
    customer: card.customer,
    transaction: card.transaction,
    version: card.version,
  };
}

export const columnSelect = {
  id: true,
  name: true,
  position: true,
  color: true,
  wipLimit: true,
  wipMode: true,
  version: true,
} as const;

export function toColumnJson(row: {
  id: string;
  name: string;
  position: string;
  color: string | null;
  wipLimit: number | null;
  wipMode: string;
  version: number;
}): ColumnJson {
  return { ...row, color: row.color as BoardColor | null, wipMode: row.wipMode as WipMode };
}

export const laneSelect = { id: true, name: true, position: true, wipLimit: true, version: true } as const;
export const toLaneJson = (row: LaneJson): LaneJson => ({ ...row });

export const labelSelect = { id: true, name: true, color: true } as const;
export const toLabelJson = (row: { id: string; name: string; color: string }): LabelJson => ({
  ...row,
  color: row.color as BoardColor,
});

/** Byte order of fractional keys, then id: the one total order of cards, columns and lanes. */
export function byPosition<T extends { position: string; id: string }>(a: T, b: T): number {
  if (a.position !== b.position) return a.position < b.position ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** How boards name a person (members, comment authors, history): full name, else username. */
export { personName } from "@/lib/person-name";
