import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, PreconditionFailedError, ValidationError } from "@/lib/errors";
import { createBoard } from "@/lib/data/boards/create-board";
import { getBoard } from "@/lib/data/boards/get-board";
import { getCard } from "@/lib/data/boards/get-card";
import { listBoards } from "@/lib/data/boards/list-boards";
import { setBoardMember, removeBoardMember } from "@/lib/data/boards/board-members";
import { createCard } from "@/lib/data/boards/create-card";
import { moveCard } from "@/lib/data/boards/move-card";
import { updateCard } from "@/lib/data/boards/update-card";
import { setCardArchived } from "@/lib/data/boards/set-card-archived";
import { undoCardChange } from "@/lib/data/boards/undo-card-change";
import { listBoardEvents } from "@/lib/data/boards/board-events";
import { byPosition } from "@/lib/data/boards/board-json";
import { testContext } from "@/test/helpers";
import { recordQueries } from "@/test/query-log";
import { viewerWithPermissions, viewerWithRole } from "@/test/role-viewers";

let owner: Viewer;
let editor: Viewer;
let viewer: Viewer;
let outsider: Viewer;
let manager: Viewer;
const ctx = testContext();

beforeAll(async () => {
  owner = await viewerWithRole("staff");
  editor = await viewerWithRole("staff");
  viewer = await viewerWithRole("staff");
  outsider = await viewerWithRole("staff");
  manager = await viewerWithPermissions(["board.read", "board.write", "board.manage"]);
});

async function newBoard(columns = ["To do", "Doing", "Done"], extra: Record<string, unknown> = {}) {
  const { id } = await createBoard(
    owner,
    { name: `Board ${Math.random().toString(36).slice(2, 8)}`, columns, ...extra },
    ctx,
  );
  await setBoardMember(owner, id, { userId: editor.userId, role: "editor" }, ctx);
  await setBoardMember(owner, id, { userId: viewer.userId, role: "viewer" }, ctx);
  const board = await getBoard(owner, id);
  return { id, columns: board.columns.map((c) => c.id) };
}

async function titlesIn(boardId: string, columnId: string) {
  const board = await getBoard(owner, boardId);
  return board.cards.filter((c) => c.columnId === columnId).map((c) => c.title);
}

describe("boards and membership", () => {
  it("creates a board with its columns in order, the creator as owner, and lists it to members only", async () => {
    const { id } = await newBoard(["Backlog", "Now", "Shipped"]);
    const board = await getBoard(owner, id);
    expect(board.columns.map((c) => c.name)).toEqual(["Backlog", "Now", "Shipped"]);
    expect(board.role).toBe("owner");
    expect(board.members.map((m) => m.role).sort()).toEqual(["editor", "owner", "viewer"]);
    expect((await listBoards(viewer)).some((b) => b.id === id)).toBe(true);
    expect((await listBoards(outsider)).some((b) => b.id === id)).toBe(false);
    expect((await listBoards(manager)).find((b) => b.id === id)?.role).toBe("manager");
  });

  it("hides a board from non-members (404), refuses writes by viewers (403), lets board.manage in", async () => {
    const { id, columns } = await newBoard();
    await expect(getBoard(outsider, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(createCard(outsider, id, { title: "x", columnId: columns[0] }, ctx)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(createCard(viewer, id, { title: "x", columnId: columns[0] }, ctx)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(setBoardMember(editor, id, { userId: outsider.userId, role: "owner" }, ctx)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const { card } = await createCard(manager, id, { title: "by manager", columnId: columns[0] }, ctx);
    expect(card.title).toBe("by manager");
    const user = await viewerWithRole("user");
    await setBoardMember(owner, id, { userId: user.userId, role: "editor" }, ctx);
    // An editor on the board still needs board.write to change it.
    await expect(createCard(user, id, { title: "x", columnId: columns[0] }, ctx)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });

  it("keeps at least one owner and drops a removed member's assignments", async () => {
    const { id, columns } = await newBoard();
    await expect(setBoardMember(owner, id, { userId: owner.userId, role: "editor" }, ctx)).rejects.toBeInstanceOf(
      ConflictError,
    );
    const { card } = await createCard(
      owner,
      id,
      { title: "assigned", columnId: columns[0], assigneeIds: [editor.userId] },
      ctx,
    );
    expect(card.assigneeIds).toEqual([editor.userId]);
    await removeBoardMember(owner, id, editor.userId, ctx);
    expect((await getBoard(owner, id)).cards.find((c) => c.id === card.id)?.assigneeIds).toEqual([]);
    await expect(getBoard(editor, id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("cards", () => {
  it("orders new cards, moves within and across columns, and keeps the order on reload", async () => {
    const { id, columns } = await newBoard();
    const [todo, doing] = columns as [string, string, string];
    for (const title of ["a", "b", "c"]) await createCard(editor, id, { title, columnId: todo }, ctx);
    await createCard(editor, id, { title: "top", columnId: todo, index: 0 }, ctx);
    expect(await titlesIn(id, todo)).toEqual(["top", "a", "b", "c"]);
    const c = (await getBoard(owner, id)).cards.find((x) => x.title === "c")!;
    await moveCard(editor, id, c.id, { columnId: todo, index: 1 }, ctx);
    expect(await titlesIn(id, todo)).toEqual(["top", "c", "a", "b"]);
    await moveCard(editor, id, c.id, { columnId: doing, index: 0 }, ctx);
    expect(await titlesIn(id, todo)).toEqual(["top", "a", "b"]);
    expect(await titlesIn(id, doing)).toEqual(["c"]);
  });

  it("writes one card row per move", async () => {
    const { id, columns } = await newBoard();
    const { card } = await createCard(editor, id, { title: "one", columnId: columns[0] }, ctx);
    await createCard(editor, id, { title: "two", columnId: columns[1] }, ctx);
    const { queries } = await recordQueries(() =>
      moveCard(editor, id, card.id, { columnId: columns[1], index: 0 }, ctx),
    );
    const cardWrites = queries.filter((q) =>
      /^\s*(UPDATE|INSERT INTO|DELETE FROM)\s+([`"]?\w+[`"]?\.)?[`"]?Card[`"]?\s/i.test(q),
    );
    expect(cardWrites).toHaveLength(1);
  });

  it("refuses a move into a column at its hard WIP limit and warns at a soft one", async () => {
    const { id, columns } = await newBoard();
    await db.boardColumn.update({ where: { id: columns[1] }, data: { wipLimit: 1, wipMode: "hard" } });
    await db.boardColumn.update({ where: { id: columns[2] }, data: { wipLimit: 1, wipMode: "soft" } });
    const { card: a } = await createCard(editor, id, { title: "a", columnId: columns[0] }, ctx);
    const { card: b } = await createCard(editor, id, { title: "b", columnId: columns[0] }, ctx);
    await moveCard(editor, id, a.id, { columnId: columns[1], index: 0 }, ctx);
    const refused = moveCard(editor, id, b.id, { columnId: columns[1], index: 0 }, ctx);
    await expect(refused).rejects.toMatchObject({ code: "wip_limit", status: 409 });
    // Reordering inside a full column is fine.
    await moveCard(editor, id, a.id, { columnId: columns[1], index: 0 }, ctx);
    await moveCard(editor, id, b.id, { columnId: columns[2], index: 0 }, ctx);
    const { card: c } = await createCard(editor, id, { title: "c", columnId: columns[0] }, ctx);
    const soft = await moveCard(editor, id, c.id, { columnId: columns[2], index: 0 }, ctx);
    expect(soft.warnings[0]).toMatch(/over its limit/);
  });

  it("refuses labels of another board, non-member assignees and stale versions", async () => {
    const { id, columns } = await newBoard();
    const { card } = await createCard(editor, id, { title: "x", columnId: columns[0] }, ctx);
    await expect(updateCard(editor, id, card.id, { assigneeIds: [outsider.userId] }, ctx)).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(updateCard(editor, id, card.id, { labelIds: ["nope"] }, ctx)).rejects.toBeInstanceOf(ValidationError);
    await updateCard(editor, id, card.id, { title: "y" }, ctx, card.version);
    await expect(updateCard(editor, id, card.id, { title: "z" }, ctx, card.version)).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
    const other = await newBoard();
    await expect(moveCard(editor, id, card.id, { columnId: other.columns[0]!, index: 0 }, ctx)).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(getBoard(editor, id)).resolves.toBeTruthy();
  });

  it("moves a card to another board, and both boards record the change", async () => {
    const a = await newBoard();
    const b = await newBoard();
    const { card } = await createCard(editor, a.id, { title: "travels", columnId: a.columns[0] }, ctx);
    const seqA = (await getBoard(owner, a.id)).seq;
    const seqB = (await getBoard(owner, b.id)).seq;
    const moved = await moveCard(editor, a.id, card.id, { boardId: b.id, columnId: b.columns[1]!, index: 0 }, ctx);
    expect(moved.card.boardId).toBe(b.id);
    expect((await getBoard(owner, a.id)).cards.some((c) => c.id === card.id)).toBe(false);
    expect(await titlesIn(b.id, b.columns[1]!)).toEqual(["travels"]);
    expect((await listBoardEvents(owner, a.id, seqA)).events.map((e) => e.payload.removedCardIds)).toEqual([[card.id]]);
    expect((await listBoardEvents(owner, b.id, seqB)).events[0]?.payload.cards?.[0]?.id).toBe(card.id);
  });
});

describe("what the security review found", () => {
  it("an editor who cannot read customers cannot clear or replace a card's customer link, nor read it in the history", async () => {
    const { id, columns } = await newBoard();
    const customer = await db.customer.create({ data: { name: `Linked ${Math.random().toString(36).slice(2, 8)}` } });
    const { card } = await createCard(
      owner,
      id,
      { title: "linked", columnId: columns[0], customerId: customer.id },
      ctx,
    );
    const blind = await viewerWithPermissions(["board.read", "board.write"]);
    await setBoardMember(owner, id, { userId: blind.userId, role: "editor" }, ctx);
    expect((await getBoard(blind, id)).cards.find((c) => c.id === card.id)?.customer).toBeNull();
    await expect(updateCard(blind, id, card.id, { customerId: null }, ctx)).rejects.toMatchObject({
      fieldErrors: { customerId: [expect.stringMatching(/cannot change/)] },
    });
    expect((await db.card.findUniqueOrThrow({ where: { id: card.id } })).customerId).toBe(customer.id);
    await updateCard(owner, id, card.id, { customerId: null }, ctx);
    const history = (await getCard(blind, id, card.id)).history;
    expect(JSON.stringify(history)).not.toContain(customer.id);
    expect(JSON.stringify((await getCard(owner, id, card.id)).history)).toContain(customer.id);
  });

  it("a restored card never shares its key with a card added while it was archived", async () => {
    const { id, columns } = await newBoard();
    await createCard(editor, id, { title: "a", columnId: columns[0] }, ctx);
    const { card: x } = await createCard(editor, id, { title: "x", columnId: columns[0] }, ctx);
    await setCardArchived(editor, id, x.id, true, ctx);
    await createCard(editor, id, { title: "n", columnId: columns[0] }, ctx);
    await setCardArchived(editor, id, x.id, false, ctx);
    const keys = (await getBoard(owner, id)).cards.map((c) => c.position);
    expect(new Set(keys).size).toBe(3);
  });

  it("board.manage without board.write reads every board but writes none", async () => {
    const { id, columns } = await newBoard();
    const auditor = await viewerWithPermissions(["board.read", "board.manage"]);
    expect((await getBoard(auditor, id)).role).toBe("manager");
    await expect(createCard(auditor, id, { title: "x", columnId: columns[0] }, ctx)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });

  it("moving a card to a board that does not exist and to one the caller cannot see answer alike", async () => {
    const { id, columns } = await newBoard();
    const hidden = await createBoard(outsider, { name: "Not yours" }, ctx);
    const { card } = await createCard(editor, id, { title: "x", columnId: columns[0] }, ctx);
    for (const boardId of [hidden.id, "cmissingboard000000000000"]) {
      await expect(
        moveCard(editor, id, card.id, { boardId, columnId: columns[0]!, index: 0 }, ctx),
      ).rejects.toMatchObject({
        fieldErrors: { boardId: ["Choose a board you can edit."] },
      });
    }
  });
});

describe("undo", () => {
  it("undoes the caller's moves and edits in reverse order, from the server's log", async () => {
    const { id, columns } = await newBoard();
    const { card } = await createCard(editor, id, { title: "undo me", columnId: columns[0] }, ctx);
    await moveCard(editor, id, card.id, { columnId: columns[2], index: 0 }, ctx);
    await updateCard(editor, id, card.id, { title: "renamed", priority: "high" }, ctx);
    const first = await undoCardChange(editor, id, ctx);
    expect(first.undone).toBe("edit");
    expect(first.card).toMatchObject({ title: "undo me", priority: "none", columnId: columns[2] });
    const second = await undoCardChange(editor, id, ctx);
    expect(second.undone).toBe("move");
    expect(second.card.columnId).toBe(columns[0]);
    const third = await undoCardChange(editor, id, ctx);
    expect(third.undone).toBe("new card");
    expect((await getBoard(owner, id)).cards.some((c) => c.id === card.id)).toBe(false);
    await expect(undoCardChange(editor, id, ctx)).rejects.toThrow(/nothing of yours/);
  });

  it("refuses to undo a move that someone else has changed since", async () => {
    const { id, columns } = await newBoard();
    const { card } = await createCard(owner, id, { title: "contested", columnId: columns[0] }, ctx);
    await moveCard(editor, id, card.id, { columnId: columns[1], index: 0 }, ctx);
    await moveCard(owner, id, card.id, { columnId: columns[2], index: 0 }, ctx);
    await expect(undoCardChange(editor, id, ctx)).rejects.toThrow(/Someone else has changed this card/);
    expect((await getBoard(owner, id)).cards.find((c) => c.id === card.id)?.columnId).toBe(columns[2]);
  });

  it("undoes an archive", async () => {
    const { id, columns } = await newBoard();
    const { card } = await createCard(editor, id, { title: "archived", columnId: columns[0] }, ctx);
    await setCardArchived(editor, id, card.id, true, ctx);
    expect((await getBoard(owner, id)).cards.some((c) => c.id === card.id)).toBe(false);
    expect((await undoCardChange(editor, id, ctx)).undone).toBe("archive");
    expect((await getBoard(owner, id)).cards.some((c) => c.id === card.id)).toBe(true);
  });
});

describe("ordering under load and the change log", () => {
  it("1,000 random moves, many concurrent, keep one total order without duplicate keys and number every change without gaps", async () => {
    const { id, columns } = await newBoard(["A", "B", "C", "D"]);
    const ids: string[] = [];
    for (let i = 0; i < 40; i++)
      ids.push((await createCard(editor, id, { title: `card ${i}`, columnId: columns[i % 4]! }, ctx)).card.id);
    const startSeq = (await getBoard(owner, id)).seq;
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const movers = [owner, editor, manager];
    for (let round = 0; round < 125; round++) {
      // Eight moves at once, from three people, often of the same cards.
      await Promise.all(
        Array.from({ length: 8 }, () =>
          moveCard(
            movers[random(3)]!,
            id,
            ids[random(ids.length)]!,
            { columnId: columns[random(4)]!, index: random(15) },
            ctx,
          ),
        ),
      );
    }
    const board = await getBoard(owner, id);
    expect(board.cards).toHaveLength(40);
    for (const column of columns) {
      const list = board.cards.filter((c) => c.columnId === column);
      const keys = list.map((c) => c.position);
      expect(new Set(keys).size).toBe(keys.length);
      expect([...list].sort(byPosition).map((c) => c.id)).toEqual(list.map((c) => c.id));
    }
    expect(board.seq).toBe(startSeq + 1000);
    const seqs = (
      await db.boardEvent.findMany({ where: { boardId: id }, select: { seq: true }, orderBy: { seq: "asc" } })
    ).map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    expect(seqs.at(-1)).toBe(board.seq);
  }, 180_000);

  it("loads a board in the same number of queries whatever its size", async () => {
    const small = await newBoard(["A"]);
    await createCard(editor, small.id, { title: "one", columnId: small.columns[0]! }, ctx);
    const big = await newBoard(["A", "B", "C", "D", "E", "F"]);
    for (let i = 0; i < 60; i++) {
      await createCard(
        editor,
        big.id,
        { title: `c${i}`, columnId: big.columns[i % 6]!, assigneeIds: [editor.userId] },
        ctx,
      );
    }
    const a = await recordQueries(() => getBoard(owner, small.id));
    const b = await recordQueries(() => getBoard(owner, big.id));
    expect(b.result.cards).toHaveLength(60);
    expect(b.queries.length).toBe(a.queries.length);
    expect(a.queries.length).toBeLessThanOrEqual(16);
  });

  it("replays events after a change number to a member, and says when a viewer is too far behind", async () => {
    const { id, columns } = await newBoard();
    const seq = (await getBoard(owner, id)).seq;
    const { card } = await createCard(editor, id, { title: "live", columnId: columns[0] }, ctx);
    await moveCard(editor, id, card.id, { columnId: columns[1], index: 0 }, ctx);
    const { events, behind } = await listBoardEvents(viewer, id, seq);
    expect(behind).toBe(false);
    expect(events.map((e) => [e.seq, e.kind])).toEqual([
      [seq + 1, "card.created"],
      [seq + 2, "card.moved"],
    ]);
    await expect(listBoardEvents(outsider, id, 0)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listBoardEvents(viewer, id, 0)).behind).toBe(false);
  });
});
