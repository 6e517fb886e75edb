// One board with everything its page shows: columns, lanes, labels, members and its open cards,
// lean (what a tile shows: no description, checklist items or comments; getCard reads a whole
// card; archived cards are listed apart, list-board-cards.ts). Labels and members are listed once
// here and named by id on the cards. A fixed number of queries whatever the board's size
// (board.integration.test.ts counts them): the access check, then one query per kind of row, the
// cards with their label and assignee ids and counts in one statement (read-board-cards.ts).
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db";
import { can } from "@/lib/rbac/can";
import { boardAccess, type BoardAccess } from "@/lib/data/boards/board-access";
import {
  byPosition,
  columnSelect,
  labelSelect,
  laneSelect,
  personName,
  toColumnJson,
  toLabelJson,
  toLaneJson,
} from "@/lib/data/boards/board-json";
import { readBoardCardHeads, readBoardCards, type BoardCardCounts } from "@/lib/data/boards/read-board-cards";
import type { BoardCardJson, BoardColor, BoardJson, BoardRole, MemberJson } from "@/lib/validations/board";

export async function getBoard(actor: Actor | null, boardId: unknown): Promise<BoardJson> {
  const access = await boardAccess(actor, boardId);
  return (await readBoard(actor!, access, true)).board;
}

/**
 * The board page's read: its cards come along up to `inlineUpTo` open cards. A bigger board is
 * answered with only the first `headsPerList` cards of each list (`cardsDeferred`, with the counts
 * of all its cards), so the page's payload stays small, its first screenful is drawn by the server
 * and it is interactive at once; the browser then reads all the cards (getBoard) right after.
 * The same number of queries either way: the heads' statement counts the cards too, and a small
 * board's cards are then read whole.
 */
export async function getBoardForPage(
  actor: Actor | null,
  boardId: unknown,
  inlineUpTo: number,
  headsPerList: number,
): Promise<{ board: BoardJson; cardsDeferred: boolean; counts: BoardCardCounts | null }> {
  const access = await boardAccess(actor, boardId);
  const { board } = await readBoard(actor!, access, false);
  const heads = await readBoardCardHeads(access.boardId, headsPerList, board.swimlanesEnabled);
  if (heads.counts.total > inlineUpTo) {
    return {
      board: { ...board, cards: heads.cards.map((c) => visibleCard(actor!, c)) },
      cardsDeferred: true,
      counts: heads.counts,
    };
  }
  // All of a small board's cards are among the heads unless a list holds more than headsPerList.
  const all = heads.cards.length === heads.counts.total ? heads.cards : await readBoardCards(access.boardId);
  return { board: { ...board, cards: all.map((c) => visibleCard(actor!, c)) }, cardsDeferred: false, counts: null };
}

async function readBoard(actor: Actor, access: BoardAccess, withCards: boolean): Promise<{ board: BoardJson }> {
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
    withCards ? readBoardCards(id) : Promise.resolve([]),
  ]);
  return {
    board: {
      ...board,
      color: board.color as BoardColor,
      archivedAt: board.archivedAt?.toISOString() ?? null,
      role: access.role,
      columns: columns.map(toColumnJson).sort(byPosition),
      lanes: lanes.map(toLaneJson).sort(byPosition),
      labels: labels.map(toLabelJson),
      members,
      cards: cards.map((c) => visibleCard(actor, c)),
    },
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
export function visibleCard<T extends BoardCardJson>(actor: Actor, card: T): T {
  const customer = card.customer && can(actor, "customers.read") ? card.customer : null;
  const transaction = card.transaction && can(actor, "transactions.read") ? card.transaction : null;
  return customer === card.customer && transaction === card.transaction ? card : { ...card, customer, transaction };
}
