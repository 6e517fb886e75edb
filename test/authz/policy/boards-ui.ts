// The authorization matrix's entries for the board pages (/board, /board/[id], /board/[id]/archive)
// and their server actions (lib/actions/boards/*). Merged into test/authz/access-policy.ts; the
// shapes and rules are documented there.
//
// As for the REST routes (boards-api.ts), the DAL decides per board: each action case writes a
// fresh board straight to the database with the calling principal as a member in the role the
// action needs (viewer to read, editor for cards, columns, lanes and labels, owner for settings,
// archive and members). Then board.read + board.write is let through, board.read alone is refused
// by the board's rules (403), and everyone else before that. The page suite (e2e) loads this file
// too: its page cases use only the shared fixtures, and the database module is imported inside the
// action factories only, which it never calls.
import type { Access } from "../access";
import type { ActionCase, ActionDeclaration, AreaPolicy } from "../access-policy";
import { perm } from "../access";
import { missingId, type Me, type Watch } from "../fixtures";

async function database() {
  return (await import("../../../lib/db")).db;
}

const READ = perm("board.read");
const WRITE: Access = { kind: "permission", anyOf: ["board.write"], andAllOf: ["board.read"], impersonation: true };
/** Acting on a board where the caller is only a viewer: those who manage every board (board.manage) may. */
const MANAGE_WRITE: Access = {
  kind: "permission",
  anyOf: ["board.manage"],
  andAllOf: ["board.read", "board.write"],
  impersonation: true,
};

type Role = "viewer" | "editor" | "owner";
type MatrixBoard = { id: string; columnId: string; otherColumnId: string; laneId: string | null };

const tag = () => Math.random().toString(36).slice(2, 10);

async function boardFor(
  me: Me,
  role: Role,
  options: { archived?: boolean; swimlanes?: boolean } = {},
): Promise<MatrixBoard> {
  const db = await database();
  const board = await db.board.create({
    data: {
      name: `Matrix UI board ${tag()}`,
      archivedAt: options.archived ? new Date() : null,
      swimlanesEnabled: options.swimlanes ?? false,
      ...(me.userId ? { members: { create: { userId: me.userId, role } } } : {}),
      columns: {
        create: [
          { name: "To do", position: "a0" },
          { name: "Done", position: "a1" },
        ],
      },
      ...(options.swimlanes ? { lanes: { create: [{ name: "First", position: "a0" }] } } : {}),
    },
    select: { id: true, columns: { select: { id: true, position: true } }, lanes: { select: { id: true } } },
  });
  const [a, b] = board.columns.sort((x, y) => (x.position < y.position ? -1 : 1));
  return { id: board.id, columnId: a!.id, otherColumnId: b!.id, laneId: board.lanes[0]?.id ?? null };
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

// WatchedTable (fixtures.ts) has no board tables yet: a refused call is checked by its refusal
// code and by the matrix's row counts of every table (nothing created or deleted).
const watchBoard = (_boardId: string): Watch[] => [];

/** One case on a fresh board where the caller has `role`; `args` builds the call's arguments. */
function onBoard(
  label: string,
  role: Role,
  args: (board: MatrixBoard, me: Me) => Promise<unknown[]> | unknown[],
  options: { archived?: boolean; swimlanes?: boolean } = {},
): ActionCase {
  return {
    label,
    setup: async (_f, me) => {
      const board = await boardFor(me, role, options);
      return { args: await args(board, me), watch: watchBoard(board.id) };
    },
  };
}

/** One case on a card of a fresh board where the caller has `role` (editor unless told). */
function onCard(
  label: string,
  args: (card: { id: string; version: number }, board: MatrixBoard, me: Me) => Promise<unknown[]> | unknown[],
  options: { archived?: boolean; role?: Role } = {},
): ActionCase {
  return {
    label,
    setup: async (_f, me) => {
      const board = await boardFor(me, options.role ?? "editor");
      const card = await cardOn(board, { archived: options.archived });
      return { args: await args(card, board, me), watch: watchBoard(board.id) };
    },
  };
}

async function checklistItem(cardId: string) {
  const db = await database();
  return db.checklistItem.create({ data: { cardId, text: "Matrix item", position: "a0" }, select: { id: true } });
}

async function comment(cardId: string, authorId: string | null) {
  const db = await database();
  return db.cardComment.create({ data: { cardId, authorId, body: "Matrix comment" }, select: { id: true } });
}

async function label(boardId: string) {
  const db = await database();
  return db.boardLabel.create({ data: { boardId, name: `Matrix ${tag()}`, color: "blue" }, select: { id: true } });
}

async function fellowMember(boardId: string) {
  const db = await database();
  const user = await db.user.create({
    data: {
      username: `mx${tag()}`,
      email: `mx-${tag()}@example.com`,
      firstName: "Matrix",
      lastName: "Member",
      dateOfBirth: new Date("1990-01-01T00:00:00Z"),
      passwordHash: "x",
      status: "active",
    },
    select: { id: true },
  });
  await db.boardMember.create({ data: { boardId, userId: user.id, role: "editor" } });
  return user.id;
}

const A = (name: string) => `lib/actions/boards/${name}`;

function write(cases: ActionCase[]): ActionDeclaration {
  return { access: WRITE, cases };
}

export const boardsUiPolicy: AreaPolicy = {
  actions: {
    // Boards
    [`${A("create-board.ts")}#createBoardAction`]: write([
      { label: "a new board", setup: async () => ({ args: [{ name: `Matrix new ${tag()}` }] }) },
    ]),
    [`${A("get-board.ts")}#getBoardAction`]: {
      access: READ,
      cases: [
        onBoard("a board the caller views", "viewer", (b) => [b.id]),
        { label: "an id that matches nothing", setup: async () => ({ args: [missingId()] }) },
      ],
    },
    [`${A("list-move-targets.ts")}#listMoveTargetsAction`]: {
      access: READ,
      cases: [onBoard("a board the caller views", "viewer", (b) => [b.id])],
    },
    [`${A("update-board.ts")}#updateBoardAction`]: write([
      onBoard("renaming an owned board", "owner", (b) => [b.id, { name: `Matrix renamed ${tag()}` }]),
    ]),
    [`${A("set-board-archived.ts")}#setBoardArchivedAction`]: write([
      onBoard("archiving an owned board", "owner", (b) => [b.id, true]),
      onBoard("restoring an owned archived board", "owner", (b) => [b.id, false], { archived: true }),
    ]),
    [`${A("delete-board.ts")}#deleteBoardAction`]: write([
      onBoard("an owned archived board", "owner", (b) => [b.id], { archived: true }),
    ]),
    [`${A("set-board-member.ts")}#setBoardMemberAction`]: write([
      onBoard("making a fellow member a viewer", "owner", async (b) => [
        b.id,
        { userId: await fellowMember(b.id), role: "viewer" },
      ]),
    ]),
    [`${A("remove-board-member.ts")}#removeBoardMemberAction`]: write([
      onBoard("removing a fellow member", "owner", async (b) => [b.id, await fellowMember(b.id)]),
    ]),
    [`${A("search-member-candidates.ts")}#searchMemberCandidatesAction`]: {
      access: perm("users.read"),
      cases: [{ label: "a name", setup: async () => ({ args: ["matrix"] }) }],
    },

    // Columns, lanes, labels (editors)
    [`${A("create-column.ts")}#createColumnAction`]: write([
      onBoard("a column on an edited board", "editor", (b) => [b.id, { name: "Review" }]),
    ]),
    [`${A("update-column.ts")}#updateColumnAction`]: write([
      onBoard("a hard limit", "editor", (b) => [b.id, b.columnId, { wipLimit: 3, wipMode: "hard" }]),
    ]),
    [`${A("move-column.ts")}#moveColumnAction`]: write([
      onBoard("the first column to the end", "editor", (b) => [b.id, b.columnId, 1]),
    ]),
    [`${A("delete-column.ts")}#deleteColumnAction`]: write([
      onBoard("an empty column", "editor", (b) => [b.id, b.otherColumnId]),
    ]),
    [`${A("create-lane.ts")}#createLaneAction`]: write([
      onBoard("a lane", "editor", (b) => [b.id, { name: "Expedite" }], { swimlanes: true }),
    ]),
    [`${A("update-lane.ts")}#updateLaneAction`]: write([
      onBoard("renaming a lane", "editor", (b) => [b.id, b.laneId, { name: "Renamed" }], { swimlanes: true }),
    ]),
    [`${A("move-lane.ts")}#moveLaneAction`]: write([
      onBoard("the only lane to index 0", "editor", (b) => [b.id, b.laneId, 0], { swimlanes: true }),
    ]),
    [`${A("delete-lane.ts")}#deleteLaneAction`]: write([
      {
        label: "an empty second lane",
        setup: async (_f, me) => {
          const b = await boardFor(me, "editor", { swimlanes: true });
          const db = await database();
          const lane = await db.boardLane.create({ data: { boardId: b.id, name: "Spare", position: "a5" } });
          return { args: [b.id, lane.id], watch: watchBoard(b.id) };
        },
      },
    ]),
    [`${A("create-label.ts")}#createLabelAction`]: write([
      onBoard("a label", "editor", (b) => [b.id, { name: `Urgent ${tag()}`, color: "red" }]),
    ]),
    [`${A("update-label.ts")}#updateLabelAction`]: write([
      onBoard("recolouring a label", "editor", async (b) => [b.id, (await label(b.id)).id, { color: "green" }]),
    ]),
    [`${A("delete-label.ts")}#deleteLabelAction`]: write([
      onBoard("a label", "editor", async (b) => [b.id, (await label(b.id)).id]),
    ]),

    // Cards (editors; reading a card: viewers too)
    [`${A("create-card.ts")}#createCardAction`]: write([
      onBoard("a card in the first column", "editor", (b) => [
        b.id,
        { title: "Matrix new card", columnId: b.columnId },
      ]),
    ]),
    [`${A("update-card.ts")}#updateCardAction`]: write([
      onCard("a new title, at its version", (c, b) => [b.id, c.id, { title: "Renamed" }, c.version]),
    ]),
    [`${A("move-card.ts")}#moveCardAction`]: write([
      onCard("to the other column", (c, b) => [b.id, c.id, { columnId: b.otherColumnId, index: 0 }, c.version]),
      {
        label: "as the board's viewer",
        access: MANAGE_WRITE,
        setup: async (_f, me) => {
          const b = await boardFor(me, "viewer");
          const c = await cardOn(b);
          return {
            args: [b.id, c.id, { columnId: b.otherColumnId, index: 0 }],
            watch: watchBoard(b.id),
          };
        },
      },
    ]),
    [`${A("set-card-archived.ts")}#setCardArchivedAction`]: write([
      onCard("archiving", (c, b) => [b.id, c.id, true, c.version]),
      onCard("restoring", (c, b) => [b.id, c.id, false], { archived: true }),
    ]),
    [`${A("delete-card.ts")}#deleteCardAction`]: write([
      onCard("an archived card", (c, b) => [b.id, c.id], { archived: true }),
    ]),
    [`${A("undo-card-change.ts")}#undoCardChangeAction`]: {
      access: WRITE,
      cases: [
        {
          label: "nothing to undo (refused as a conflict by those allowed)",
          // Allowed principals get a 409 (nothing of theirs to undo): a result, not a refusal.
          setup: async (_f, me) => {
            const b = await boardFor(me, "editor");
            return { args: [b.id], watch: watchBoard(b.id) };
          },
        },
      ],
    },
    [`${A("get-card.ts")}#getCardAction`]: {
      access: READ,
      cases: [onCard("a card of a board the caller views", (c, b) => [b.id, c.id], { role: "viewer" })],
    },
    [`${A("add-checklist-item.ts")}#addChecklistItemAction`]: write([
      onCard("an item", (c, b) => [b.id, c.id, { text: "Matrix item" }]),
    ]),
    [`${A("update-checklist-item.ts")}#updateChecklistItemAction`]: write([
      onCard("ticking an item", async (c, b) => [b.id, c.id, (await checklistItem(c.id)).id, { done: true }]),
    ]),
    [`${A("remove-checklist-item.ts")}#removeChecklistItemAction`]: write([
      onCard("an item", async (c, b) => [b.id, c.id, (await checklistItem(c.id)).id]),
    ]),
    [`${A("move-checklist-item.ts")}#moveChecklistItemAction`]: write([
      onCard("an item to index 0", async (c, b) => [b.id, c.id, (await checklistItem(c.id)).id, 0]),
    ]),
    [`${A("add-comment.ts")}#addCommentAction`]: write([
      onCard("a comment", (c, b) => [b.id, c.id, { body: "Matrix comment" }]),
    ]),
    [`${A("delete-comment.ts")}#deleteCommentAction`]: write([
      onCard("one's own comment", async (c, b, me) => [b.id, c.id, (await comment(c.id, me.userId)).id]),
    ]),
    [`${A("search-card-links.ts")}#searchCardLinksAction`]: {
      access: perm("customers.read"),
      cases: [
        { label: "customers", setup: async () => ({ args: ["customer", "matrix"] }) },
        {
          label: "transactions",
          access: perm("transactions.read"),
          setup: async () => ({ args: ["transaction", "1"] }),
        },
      ],
    },
  },
  routes: {},
  // "/board" itself is declared with the core pages in access-policy.ts (board.read).
  pages: {
    "/board/[id]": {
      access: READ,
      cases: [
        { label: "an id that matches nothing", notFound: true, setup: async () => ({ params: { id: missingId() } }) },
      ],
    },
    "/board/[id]/archive": {
      access: READ,
      cases: [
        { label: "an id that matches nothing", notFound: true, setup: async () => ({ params: { id: missingId() } }) },
      ],
    },
  },
};
