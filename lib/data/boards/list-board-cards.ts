// A board's cards, filtered (members of the board, and board.manage): the board page's filters
// (text, assignee or "my cards", label, due date, priority) and GET /api/v1/boards/{id}/cards.
// Open cards come in board order: column by column, lane by lane, then their order in the list.
// `archived: "true"` is the archive view: only archived cards, the most recently archived first.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { containsText } from "@/lib/data/contains-text";
import { parseOrThrow } from "@/lib/validations/parse";
import { cardFilterSchema, type CardJson } from "@/lib/validations/board";
import { boardAccess } from "@/lib/data/boards/board-access";
import { byPosition, cardSelect, toCardJson } from "@/lib/data/boards/board-json";
import { visibleCard } from "@/lib/data/boards/get-board";

/** At most this many cards are listed (a board's page shows far fewer). */
export const BOARD_CARDS_CAP = 5000;

const DAY_MS = 24 * 60 * 60 * 1000;

export async function listBoardCards(actor: Actor | null, boardId: unknown, filter: unknown = {}): Promise<CardJson[]> {
  const access = await boardAccess(actor, boardId);
  const f = parseOrThrow(cardFilterSchema, filter ?? {});
  const archived = f.archived === "true";
  const now = new Date();
  const where = {
    boardId: access.boardId,
    archivedAt: archived ? { not: null } : null,
    ...(f.q ? { OR: [{ title: containsText(f.q) }, { description: containsText(f.q) }] } : {}),
    ...(f.assignee ? { assignees: { some: { userId: f.assignee === "me" ? actor!.userId : f.assignee } } } : {}),
    ...(f.label ? { labels: { some: { labelId: f.label } } } : {}),
    ...(f.priority ? { priority: f.priority } : {}),
    ...(f.due === "overdue" ? { dueAt: { lt: now } } : {}),
    ...(f.due === "week" ? { dueAt: { gte: now, lt: new Date(now.getTime() + 7 * DAY_MS) } } : {}),
    ...(f.due === "none" ? { dueAt: null } : {}),
  };
  const [rows, columns, lanes] = await Promise.all([
    db.card.findMany({
      where,
      orderBy: archived ? [{ archivedAt: "desc" }, { id: "asc" }] : [{ position: "asc" }, { id: "asc" }],
      take: BOARD_CARDS_CAP,
      select: cardSelect,
    }),
    archived
      ? []
      : db.boardColumn.findMany({ where: { boardId: access.boardId }, select: { id: true, position: true } }),
    archived ? [] : db.boardLane.findMany({ where: { boardId: access.boardId }, select: { id: true, position: true } }),
  ]);
  const cards = rows.map(toCardJson);
  if (!archived) {
    const columnRank = rankOf(columns);
    const laneRank = rankOf(lanes);
    cards.sort(
      (a, b) =>
        (columnRank.get(a.columnId) ?? 0) - (columnRank.get(b.columnId) ?? 0) ||
        (a.laneId ? (laneRank.get(a.laneId) ?? 0) : -1) - (b.laneId ? (laneRank.get(b.laneId) ?? 0) : -1) ||
        byPosition(a, b),
    );
  }
  return cards.map((c) => visibleCard(actor!, c));
}

function rankOf(items: { id: string; position: string }[]): Map<string, number> {
  return new Map([...items].sort(byPosition).map((item, i) => [item.id, i]));
}
