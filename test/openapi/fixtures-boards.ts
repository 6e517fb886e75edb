// Board records that documented examples of /api/v1/boards can name (lib/api/openapi/paths/boards.ts),
// merged into FIXTURES of test/openapi/fixtures.ts. Written straight to the database like the
// others; the calling key's owner is an owner of every board made here, so each operation's
// example acts on a board it may change.
//   board          owner: the caller; columns To do, Done, no swimlanes: id, columnId, otherColumnId, version, seq
//   archivedBoard  an archived board of the caller: id
//   boardMember    a plain user added to `board` as editor: boardId, userId
//   lane           the first of two lanes of `board` (swimlanes turned on): id, boardId
//   label          a label of `board`: id, name
//   card           an open card in `board`'s first column: id, boardId, columnId, version
//   archivedCard   an archived card of `board`: id, version
//   checklistItem  an item of `card`: id
//   comment        the caller's comment on `card`: id
//   undoable       a card the caller created on `board`, logged so that undo can take it back: boardId, cardId
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { FixtureContext, FixtureRecord } from "@/test/openapi/fixtures";

type Factory = (ctx: FixtureContext) => Promise<FixtureRecord>;

const token = () => randomBytes(6).toString("hex");

async function newBoard(ownerId: string, archived: boolean) {
  const board = await db.board.create({
    data: {
      name: `Conformance board ${token()}`,
      createdById: ownerId,
      archivedAt: archived ? new Date() : null,
      members: { create: { userId: ownerId, role: "owner" } },
      columns: {
        create: [
          { name: "To do", position: "a0" },
          { name: "Done", position: "a1" },
        ],
      },
    },
    select: { id: true, version: true, seq: true, columns: { select: { id: true, position: true } } },
  });
  const [first, second] = board.columns.sort((a, b) => (a.position < b.position ? -1 : 1));
  return { id: board.id, version: board.version, seq: board.seq, columnId: first!.id, otherColumnId: second!.id };
}

async function newCard(ctx: FixtureContext, archived: boolean) {
  const board = await ctx.get("board");
  const card = await db.card.create({
    data: {
      boardId: String(board.id),
      columnId: String(board.columnId),
      position: archived ? "a1" : "a0",
      title: archived ? "Archived conformance card" : "Conformance card",
      archivedAt: archived ? new Date() : null,
      createdById: ctx.ownerId,
      updatedById: ctx.ownerId,
    },
    select: { id: true, boardId: true, columnId: true, version: true },
  });
  return card;
}

export const BOARD_FIXTURES: Record<string, Factory> = {
  board: (ctx) => newBoard(ctx.ownerId, false),
  async archivedBoard(ctx) {
    const { id } = await newBoard(ctx.ownerId, true);
    return { id };
  },
  async boardMember(ctx) {
    const [board, user] = [await ctx.get("board"), await ctx.get("user")];
    await db.boardMember.create({ data: { boardId: String(board.id), userId: String(user.id), role: "editor" } });
    return { boardId: String(board.id), userId: String(user.id) };
  },
  async lane(ctx) {
    // Lanes change only while the board shows them, and the last one stays: swimlanes on, two lanes.
    const board = await ctx.get("board");
    await db.board.update({ where: { id: String(board.id) }, data: { swimlanesEnabled: true } });
    const [first] = await db.boardLane.createManyAndReturn({
      data: [
        { boardId: String(board.id), name: `Lane ${token()}`, position: "a0" },
        { boardId: String(board.id), name: `Lane ${token()}`, position: "a1" },
      ],
      select: { id: true, position: true },
    });
    return { id: first!.id, boardId: String(board.id) };
  },
  async label(ctx) {
    const board = await ctx.get("board");
    return db.boardLabel.create({
      data: { boardId: String(board.id), name: `Label ${token()}`, color: "green" },
      select: { id: true, name: true },
    });
  },
  card: (ctx) => newCard(ctx, false),
  async archivedCard(ctx) {
    const card = await newCard(ctx, true);
    return { id: card.id, version: card.version };
  },
  async checklistItem(ctx) {
    const card = await ctx.get("card");
    return db.checklistItem.create({
      data: { cardId: String(card.id), text: "Conformance item", position: "a0" },
      select: { id: true },
    });
  },
  async comment(ctx) {
    const card = await ctx.get("card");
    return db.cardComment.create({
      data: { cardId: String(card.id), authorId: ctx.ownerId, body: "Conformance comment" },
      select: { id: true },
    });
  },
  async undoable(ctx) {
    const card = await ctx.get("card");
    // The event create-card.ts logs (its change number taken as board-write.ts takes it).
    const { seq } = await db.board.update({
      where: { id: card.boardId as string },
      data: { seq: { increment: 1 } },
      select: { seq: true },
    });
    await db.boardEvent.create({
      data: {
        boardId: String(card.boardId),
        seq,
        kind: "card.created",
        actorId: ctx.ownerId,
        cardId: String(card.id),
        payload: JSON.stringify({}),
        inverse: JSON.stringify({ type: "archive", cardId: card.id, archived: true }),
        cardVersion: Number(card.version),
      },
    });
    return { boardId: String(card.boardId), cardId: String(card.id) };
  },
};
