// The authorization matrix's entries for the boards REST API: every route under /api/v1/boards
// (app/api/v1/boards/**) but the event stream (boards-live.ts). Merged into
// test/authz/access-policy.ts; the shapes and rules are documented there.
//
// Every handler declares board.read; the DAL decides the rest per board. So each case writes a
// fresh board straight to the database with the calling principal as a member in the role the
// operation needs (viewer for reads, editor for cards, columns, lanes and labels, owner for the
// board's settings, archive and members): then a principal holding board.read and board.write is
// let through (200/201/204), one with board.read alone is refused by the board's rules (403), and
// the rest by withApi (401/403). board.manage (Admins) acts on any board as its manager. The
// database module is imported inside the factories only: the page suite (e2e) loads this file too
// and never calls them.
import type { Access } from "../access";
import type { AreaPolicy, RouteCase, RouteDeclaration } from "../access-policy";
import { perm } from "../access";
import { missingId, type Fixtures, type Me } from "../fixtures";

async function database() {
  return (await import("../../../lib/db")).db;
}

const READ = perm("board.read");
/** Writes: board.write on top of the board.read every handler declares (and the editor or owner role, given here). */
const WRITE: Access = { kind: "permission", anyOf: ["board.write"], andAllOf: ["board.read"], impersonation: true };

type Role = "viewer" | "editor" | "owner";
type BoardOptions = { archived?: boolean; swimlanes?: boolean };

type MatrixBoard = {
  id: string;
  columnId: string;
  otherColumnId: string;
  laneId: string | null;
  otherLaneId: string | null;
};

const tag = () => Math.random().toString(36).slice(2, 10);

/** A board with two columns (and two lanes with swimlanes), the caller a member in `role`. */
async function boardFor(me: Me, role: Role, options: BoardOptions = {}): Promise<MatrixBoard> {
  const db = await database();
  const board = await db.board.create({
    data: {
      name: `Matrix board ${tag()}`,
      archivedAt: options.archived ? new Date() : null,
      swimlanesEnabled: options.swimlanes ?? false,
      ...(me.userId ? { members: { create: { userId: me.userId, role } } } : {}),
      columns: {
        create: [
          { name: "To do", position: "a0" },
          { name: "Done", position: "a1" },
        ],
      },
      ...(options.swimlanes
        ? {
            lanes: {
              create: [
                { name: "First", position: "a0" },
                { name: "Second", position: "a1" },
              ],
            },
          }
        : {}),
    },
    select: {
      id: true,
      columns: { select: { id: true, position: true } },
      lanes: { select: { id: true, position: true } },
    },
  });
  const inOrder = <T extends { position: string }>(rows: T[]) =>
    rows.sort((a, b) => (a.position < b.position ? -1 : 1));
  const [columnA, columnB] = inOrder(board.columns);
  const [laneA, laneB] = inOrder(board.lanes);
  return {
    id: board.id,
    columnId: columnA!.id,
    otherColumnId: columnB!.id,
    laneId: laneA?.id ?? null,
    otherLaneId: laneB?.id ?? null,
  };
}

async function cardOn(board: MatrixBoard, options: { archived?: boolean } = {}) {
  const db = await database();
  return db.card.create({
    data: {
      boardId: board.id,
      columnId: board.columnId,
      laneId: board.laneId,
      position: "a0",
      title: `Matrix card ${tag()}`,
      archivedAt: options.archived ? new Date() : null,
    },
    select: { id: true, version: true },
  });
}

/** A card of a board where the caller is an editor. */
async function cardFor(me: Me, options: { archived?: boolean } = {}) {
  const board = await boardFor(me, "editor");
  return { board, card: await cardOn(board, options) };
}

/** One case acting on a fresh board of the caller's. */
function on(
  label: string,
  role: Role,
  make: (board: MatrixBoard, f: Fixtures, me: Me) => Promise<{ params?: Record<string, string>; body?: unknown }>,
  options: BoardOptions = {},
): RouteCase {
  return {
    label,
    setup: async (f, me) => {
      const board = await boardFor(me, role, options);
      const made = await make(board, f, me);
      return { ...made, params: { id: board.id, ...made.params } };
    },
  };
}

/** One case acting on a card of a fresh board where the caller is an editor (or a viewer, for reads). */
function onCard(
  label: string,
  make: (
    card: { id: string; version: number },
    board: MatrixBoard,
    me: Me,
  ) => Promise<{ params?: Record<string, string>; body?: unknown }>,
  options: { archived?: boolean; role?: Role } = {},
): RouteCase {
  return {
    label,
    setup: async (_f, me) => {
      const board = await boardFor(me, options.role ?? "editor");
      const card = await cardOn(board, { archived: options.archived });
      const made = await make(card, board, me);
      return { ...made, params: { id: board.id, cardId: card.id, ...made.params } };
    },
  };
}

const missingBoard: RouteCase = {
  label: "a board id that matches nothing",
  setup: async () => ({ params: { id: missingId() } }),
};

const route = (access: Access, ...cases: RouteCase[]): RouteDeclaration => ({ access, cases });

export const boardsApiPolicy: AreaPolicy = {
  actions: {},
  routes: {
    "GET /api/v1/boards": { access: READ },
    "POST /api/v1/boards": route(WRITE, {
      label: "a new board",
      setup: async () => ({ body: { name: `Matrix new ${tag()}` } }),
    }),
    "GET /api/v1/boards/[id]": route(
      READ,
      on("a board the caller views", "viewer", async () => ({})),
      missingBoard,
    ),
    "PATCH /api/v1/boards/[id]": route(
      WRITE,
      on("a board the caller owns", "owner", async () => ({ body: { description: "matrix" } })),
    ),
    "DELETE /api/v1/boards/[id]": route(
      WRITE,
      on("an archived board the caller owns", "owner", async () => ({}), { archived: true }),
    ),
    "POST /api/v1/boards/[id]/archive": route(
      WRITE,
      on("a board the caller owns", "owner", async () => ({})),
    ),
    "POST /api/v1/boards/[id]/restore": route(
      WRITE,
      on("an archived board the caller owns", "owner", async () => ({}), { archived: true }),
    ),
    "GET /api/v1/boards/[id]/members": route(
      READ,
      on("a board the caller views", "viewer", async () => ({})),
    ),
    "POST /api/v1/boards/[id]/members": route(
      WRITE,
      on("a board the caller owns, adding a fresh user", "owner", async (_b, f) => ({
        body: { userId: (await f.user()).id, role: "viewer" },
      })),
    ),
    "DELETE /api/v1/boards/[id]/members/[userId]": route(
      WRITE,
      on("a board the caller owns, removing another member", "owner", async (board, f) => {
        const other = await f.user();
        const db = await database();
        await db.boardMember.create({ data: { boardId: board.id, userId: other.id, role: "editor" } });
        return { params: { userId: other.id } };
      }),
    ),
    "POST /api/v1/boards/[id]/columns": route(
      WRITE,
      on("a board the caller edits", "editor", async () => ({ body: { name: "Matrix column" } })),
    ),
    "PATCH /api/v1/boards/[id]/columns/[columnId]": route(
      WRITE,
      on("a column of a board the caller edits", "editor", async (b) => ({
        params: { columnId: b.columnId },
        body: { wipLimit: 4 },
      })),
    ),
    "DELETE /api/v1/boards/[id]/columns/[columnId]": route(
      WRITE,
      on("an empty column of a board the caller edits", "editor", async (b) => ({
        params: { columnId: b.otherColumnId },
      })),
    ),
    "POST /api/v1/boards/[id]/columns/[columnId]/move": route(
      WRITE,
      on("a column of a board the caller edits", "editor", async (b) => ({
        params: { columnId: b.otherColumnId },
        body: { index: 0 },
      })),
    ),
    "POST /api/v1/boards/[id]/lanes": route(
      WRITE,
      on("a board with swimlanes the caller edits", "editor", async () => ({ body: { name: "Matrix lane" } }), {
        swimlanes: true,
      }),
    ),
    "PATCH /api/v1/boards/[id]/lanes/[laneId]": route(
      WRITE,
      on(
        "a lane of a board the caller edits",
        "editor",
        async (b) => ({ params: { laneId: b.laneId! }, body: { wipLimit: 2 } }),
        { swimlanes: true },
      ),
    ),
    "DELETE /api/v1/boards/[id]/lanes/[laneId]": route(
      WRITE,
      on("an empty lane of a board the caller edits", "editor", async (b) => ({ params: { laneId: b.otherLaneId! } }), {
        swimlanes: true,
      }),
    ),
    "POST /api/v1/boards/[id]/lanes/[laneId]/move": route(
      WRITE,
      on(
        "a lane of a board the caller edits",
        "editor",
        async (b) => ({ params: { laneId: b.otherLaneId! }, body: { index: 0 } }),
        { swimlanes: true },
      ),
    ),
    "POST /api/v1/boards/[id]/labels": route(
      WRITE,
      on("a board the caller edits", "editor", async () => ({ body: { name: "Matrix", color: "teal" } })),
    ),
    "PATCH /api/v1/boards/[id]/labels/[labelId]": route(
      WRITE,
      on("a label of a board the caller edits", "editor", async (b) => {
        const db = await database();
        const label = await db.boardLabel.create({ data: { boardId: b.id, name: "Matrix", color: "red" } });
        return { params: { labelId: label.id }, body: { color: "blue" } };
      }),
    ),
    "DELETE /api/v1/boards/[id]/labels/[labelId]": route(
      WRITE,
      on("a label of a board the caller edits", "editor", async (b) => {
        const db = await database();
        const label = await db.boardLabel.create({ data: { boardId: b.id, name: "Matrix", color: "red" } });
        return { params: { labelId: label.id } };
      }),
    ),
    "GET /api/v1/boards/[id]/cards": route(
      READ,
      on("a board the caller views", "viewer", async (b) => {
        await cardOn(b);
        return {};
      }),
    ),
    "POST /api/v1/boards/[id]/cards": route(
      WRITE,
      on("a board the caller edits", "editor", async (b) => ({ body: { title: "Matrix card", columnId: b.columnId } })),
    ),
    "GET /api/v1/boards/[id]/cards/[cardId]": route(
      READ,
      onCard("a card of a board the caller views", async () => ({}), { role: "viewer" }),
      {
        label: "a card of another board",
        setup: async (_f, me) => {
          const [board, other] = [await boardFor(me, "viewer"), await cardFor(me)];
          return { params: { id: board.id, cardId: other.card.id } };
        },
      },
    ),
    "PATCH /api/v1/boards/[id]/cards/[cardId]": route(
      WRITE,
      onCard("a card of a board the caller edits", async () => ({ body: { title: "Matrix edit" } })),
    ),
    "DELETE /api/v1/boards/[id]/cards/[cardId]": route(
      WRITE,
      onCard("an archived card of a board the caller edits", async () => ({}), { archived: true }),
    ),
    "POST /api/v1/boards/[id]/cards/[cardId]/move": route(
      WRITE,
      onCard("a card of a board the caller edits", async (_c, b) => ({
        body: { columnId: b.otherColumnId, index: 0 },
      })),
    ),
    "POST /api/v1/boards/[id]/cards/[cardId]/archive": route(
      WRITE,
      onCard("a card of a board the caller edits", async () => ({})),
    ),
    "POST /api/v1/boards/[id]/cards/[cardId]/restore": route(
      WRITE,
      onCard("an archived card of a board the caller edits", async () => ({}), { archived: true }),
    ),
    "POST /api/v1/boards/[id]/cards/[cardId]/checklist": route(
      WRITE,
      onCard("a card of a board the caller edits", async () => ({ body: { text: "Matrix item" } })),
    ),
    "PATCH /api/v1/boards/[id]/cards/[cardId]/checklist/[itemId]": route(
      WRITE,
      onCard("an item of a card the caller edits", async (card) => {
        const db = await database();
        const item = await db.checklistItem.create({ data: { cardId: card.id, text: "Matrix", position: "a0" } });
        return { params: { itemId: item.id }, body: { done: true } };
      }),
    ),
    "DELETE /api/v1/boards/[id]/cards/[cardId]/checklist/[itemId]": route(
      WRITE,
      onCard("an item of a card the caller edits", async (card) => {
        const db = await database();
        const item = await db.checklistItem.create({ data: { cardId: card.id, text: "Matrix", position: "a0" } });
        return { params: { itemId: item.id } };
      }),
    ),
    "POST /api/v1/boards/[id]/cards/[cardId]/comments": route(
      WRITE,
      onCard("a card of a board the caller edits", async () => ({ body: { body: "Matrix comment" } })),
    ),
    "DELETE /api/v1/boards/[id]/cards/[cardId]/comments/[commentId]": route(
      WRITE,
      onCard("the caller's own comment", async (card, _b, me) => {
        const db = await database();
        const comment = await db.cardComment.create({
          data: { cardId: card.id, authorId: me.userId, body: "Matrix comment" },
        });
        return { params: { commentId: comment.id } };
      }),
    ),
    "POST /api/v1/boards/[id]/undo": route(
      WRITE,
      onCard("the caller's new card, logged for undo", async (card, board, me) => {
        const db = await database();
        const { seq } = await db.board.update({
          where: { id: board.id },
          data: { seq: { increment: 1 } },
          select: { seq: true },
        });
        await db.boardEvent.create({
          data: {
            boardId: board.id,
            seq,
            kind: "card.created",
            actorId: me.userId,
            cardId: card.id,
            payload: "{}",
            inverse: JSON.stringify({ type: "archive", cardId: card.id, archived: true }),
            cardVersion: card.version,
          },
        });
        return { params: {} };
      }),
    ),
  },
  pages: {},
};
