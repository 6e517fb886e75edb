// One board with everything its page shows: columns, lanes, labels, members and its open cards
// (archived cards are listed apart, list-board-cards.ts). A fixed number of queries whatever the
// board's size (board.integration.test.ts counts them): the access check, then one query per kind
// of row; the cards' labels, assignees, checklist and comment counts come with them in
// Prisma's batched relation reads.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db";
import { can } from "@/lib/rbac/can";
import { boardAccess } from "@/lib/data/boards/board-access";
import {
  byPosition,
  cardSelect,
  columnSelect,
  labelSelect,
  laneSelect,
  personName,
  toCardJson,
  toColumnJson,
  toLabelJson,
  toLaneJson,
} from "@/lib/data/boards/board-json";
import type { BoardColor, BoardJson, BoardRole, CardJson, MemberJson } from "@/lib/validations/board";

export async function getBoard(actor: Actor | null, boardId: unknown): Promise<BoardJson> {
  const access = await boardAccess(actor, boardId);
  const id = access.boardId;
  const [board, columns, lanes, labels, members, cards] = await Promise.all([
    db.board.findUniqueOrThrow({
      where: { id },
      select: {
        id: true,
        name: true,
        description: true,
        color: true,
        swimlanesEnabled: true,
        archivedAt: true,
        seq: true,
        version: true,
      },
    }),
    db.boardColumn.findMany({ where: { boardId: id }, select: columnSelect }),
    db.boardLane.findMany({ where: { boardId: id }, select: laneSelect }),
    db.boardLabel.findMany({ where: { boardId: id }, select: labelSelect, orderBy: { name: "asc" } }),
    listMembers(id),
    db.card.findMany({ where: { boardId: id, archivedAt: null }, select: cardSelect }),
  ]);
  return {
    ...board,
    color: board.color as BoardColor,
    archivedAt: board.archivedAt?.toISOString() ?? null,
    role: access.role,
    columns: columns.map(toColumnJson).sort(byPosition),
    lanes: lanes.map(toLaneJson).sort(byPosition),
    labels: labels.map(toLabelJson),
    members,
    cards: cards
      .map(toCardJson)
      .sort(byPosition)
      .map((c) => visibleCard(actor!, c)),
  };
}

export async function listMembers(boardId: string, client: Tx | typeof db = db): Promise<MemberJson[]> {
  const rows = await client.boardMember.findMany({
    where: { boardId },
    select: { role: true, user: { select: { id: true, username: true, firstName: true, lastName: true } } },
  });
  return rows
    .map((m) => ({
      userId: m.user.id,
      username: m.user.username,
      name: personName(m.user),
      role: m.role as BoardRole,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** A card's links name a customer or a transaction only to those who may read them. */
export function visibleCard(actor: Actor, card: CardJson): CardJson {
  const customer = card.customer && can(actor, "customers.read") ? card.customer : null;
  const transaction = card.transaction && can(actor, "transactions.read") ? card.transaction : null;
  return customer === card.customer && transaction === card.transaction ? card : { ...card, customer, transaction };
}
