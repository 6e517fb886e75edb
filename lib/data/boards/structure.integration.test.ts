import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, PreconditionFailedError } from "@/lib/errors";
import { getBoard } from "@/lib/data/boards/get-board";
import { createCard } from "@/lib/data/boards/create-card";
import { setCardArchived } from "@/lib/data/boards/set-card-archived";
import { listBoardEvents } from "@/lib/data/boards/board-events";
import { byPosition } from "@/lib/data/boards/board-json";
import { updateBoard } from "@/lib/data/boards/update-board";
import { createColumn, deleteColumn, moveColumn, updateColumn } from "@/lib/data/boards/board-columns";
import { createLane, deleteLane, moveLane, updateLane } from "@/lib/data/boards/board-lanes";
import { createLabel, deleteLabel, updateLabel } from "@/lib/data/boards/board-labels";
import { deleteBoard, setBoardArchived } from "@/lib/data/boards/set-board-archived";
import { listBoards } from "@/lib/data/boards/list-boards";
import { updateCard } from "@/lib/data/boards/update-card";
import { BOARD_LIMITS } from "@/lib/validations/board";
import {
  boardPeople,
  boardSeq,
  ctx,
  expectOneChange,
  expectRefused,
  expectRefusedInput,
  newBoard,
  type BoardPeople,
} from "@/lib/data/boards/boards-test-kit";
import { recordQueries } from "@/test/query-log";

let p: BoardPeople;

beforeAll(async () => {
  p = await boardPeople();
});

async function columnNames(boardId: string) {
  return (await getBoard(p.owner, boardId)).columns.map((c) => c.name);
}

describe("board settings", () => {
  it("lets owners change only what differs, bumps the version, audits before and after", async () => {
    const { id } = await newBoard(p);
    const before = await getBoard(p.owner, id);
    const { board } = await expectOneChange(id, "board.updated", () =>
      updateBoard(p.owner, id, { name: "Renamed  board", color: "teal", description: before.description }, ctx),
    );
    expect(board).toMatchObject({ id, name: "Renamed board", color: "teal", version: before.version + 1 });
    const row = await db.auditEvent.findFirstOrThrow({ where: { action: "board.updated" }, orderBy: { seq: "desc" } });
    expect(JSON.parse(row.metadata)).toMatchObject({
      changed: ["name", "color"],
      nameBefore: before.name,
      nameAfter: "Renamed board",
      colorBefore: "slate",
      colorAfter: "teal",
    });
    const events = await listBoardEvents(p.viewer, id, before.seq);
    expect(events.events[0]).toMatchObject({ kind: "board.updated", payload: { board: { name: "Renamed board" } } });
  });

  it("refuses editors and viewers (403), hides the board from outsiders (404), lets board.manage in", async () => {
    const { id } = await newBoard(p);
    await expectRefused(id, ForbiddenError, () => updateBoard(p.editor, id, { name: "x" }, ctx));
    await expectRefused(id, ForbiddenError, () => updateBoard(p.viewer, id, { name: "x" }, ctx));
    await expectRefused(id, NotFoundError, () => updateBoard(p.outsider, id, { name: "x" }, ctx));
    await expect(updateBoard(p.manager, id, { name: "By a manager" }, ctx)).resolves.toMatchObject({
      board: { name: "By a manager" },
    });
  });

  it("refuses bad input with field errors and a stale version with 412, writing nothing", async () => {
    const { id } = await newBoard(p);
    await expectRefusedInput(id, "name", () => updateBoard(p.owner, id, { name: "   " }, ctx));
    await expectRefusedInput(id, "color", () => updateBoard(p.owner, id, { color: "plaid" }, ctx));
    await expectRefusedInput(id, "_form", () => updateBoard(p.owner, id, { seq: 5 }, ctx));
    const { version } = await getBoard(p.owner, id);
    await updateBoard(p.owner, id, { name: "First" }, ctx, version);
    await expectRefused(id, PreconditionFailedError, () => updateBoard(p.owner, id, { name: "Second" }, ctx, version));
    expect((await getBoard(p.owner, id)).name).toBe("First");
  });

  it("turning swimlanes on makes a Default lane and puts every card in it; off takes them out", async () => {
    const { id, columns } = await newBoard(p);
    const a = (await createCard(p.editor, id, { title: "a", columnId: columns[0]! }, ctx)).card;
    const b = (await createCard(p.editor, id, { title: "b", columnId: columns[0]! }, ctx)).card;
    const gone = (await createCard(p.editor, id, { title: "archived", columnId: columns[1]! }, ctx)).card;
    await setCardArchived(p.editor, id, gone.id, true, ctx);

    const on = await expectOneChange(id, "board.updated", () =>
      updateBoard(p.owner, id, { swimlanesEnabled: true }, ctx),
    );
    expect(on.board.swimlanesEnabled).toBe(true);
    const board = await getBoard(p.owner, id);
    expect(board.lanes.map((l) => l.name)).toEqual(["Default"]);
    const lane = board.lanes[0]!.id;
    expect(board.cards.map((c) => [c.title, c.laneId])).toEqual([
      ["a", lane],
      ["b", lane],
    ]);
    expect((await db.card.findUniqueOrThrow({ where: { id: gone.id } })).laneId).toBe(lane);
    const [event] = (await listBoardEvents(p.owner, id, on.seq - 1)).events;
    expect(event?.payload).toMatchObject({ reload: true, lanes: [{ id: lane, name: "Default" }] });
    expect(board.cards.find((c) => c.id === a.id)!.version).toBe(a.version + 1);

    // A second lane holding a card of the same column: turning lanes off merges the lists without duplicate keys.
    const second = await db.boardLane.create({ data: { boardId: id, name: "Rush", position: "a9" } });
    await db.card.update({ where: { id: b.id }, data: { laneId: second.id, position: board.cards[0]!.position } });
    const off = await expectOneChange(id, "board.updated", () =>
      updateBoard(p.owner, id, { swimlanesEnabled: false }, ctx),
    );
    expect(off.board.swimlanesEnabled).toBe(false);
    const after = await getBoard(p.owner, id);
    expect(after.lanes.map((l) => l.name)).toEqual(["Default", "Rush"]);
    const todo = after.cards.filter((c) => c.columnId === columns[0]);
    expect(todo.map((c) => [c.title, c.laneId])).toEqual([
      ["a", null],
      ["b", null],
    ]);
    expect(new Set(todo.map((c) => c.position)).size).toBe(2);
    expect(await db.card.count({ where: { boardId: id, laneId: { not: null } } })).toBe(0);

    // On again with lanes present: no new lane, cards go to the first.
    await updateBoard(p.owner, id, { swimlanesEnabled: true }, ctx);
    const again = await getBoard(p.owner, id);
    expect(again.lanes).toHaveLength(2);
    expect(new Set(again.cards.map((c) => c.laneId))).toEqual(new Set([lane]));
  });
});

describe("columns", () => {
  it("adds columns at the end or at an index, with their WIP settings", async () => {
    const { id } = await newBoard(p, ["A", "B"]);
    const { column } = await expectOneChange(id, "board.column_created", () =>
      createColumn(p.editor, id, { name: "C", wipLimit: 3, wipMode: "hard", color: "red" }, ctx),
    );
    expect(column).toMatchObject({ name: "C", wipLimit: 3, wipMode: "hard", color: "red", version: 1 });
    await createColumn(p.editor, id, { name: "First", index: 0 }, ctx);
    await createColumn(p.editor, id, { name: "Middle", index: 2 }, ctx);
    expect(await columnNames(id)).toEqual(["First", "A", "Middle", "B", "C"]);
    const events = await listBoardEvents(p.owner, id, (await boardSeq(id)) - 3);
    expect(events.events.map((e) => [e.kind, e.payload.columns?.[0]?.name])).toEqual([
      ["column.changed", "C"],
      ["column.changed", "First"],
      ["column.changed", "Middle"],
    ]);
  });

  it("refuses viewers and outsiders, bad input, and a board full of columns", async () => {
    const { id } = await newBoard(p, ["A"]);
    await expectRefused(id, ForbiddenError, () => createColumn(p.viewer, id, { name: "X" }, ctx));
    await expectRefused(id, NotFoundError, () => createColumn(p.outsider, id, { name: "X" }, ctx));
    await expectRefusedInput(id, "name", () => createColumn(p.editor, id, { name: "" }, ctx));
    await expectRefusedInput(id, "wipLimit", () => createColumn(p.editor, id, { name: "X", wipLimit: 0 }, ctx));
    await expectRefusedInput(id, "wipMode", () => createColumn(p.editor, id, { name: "X", wipMode: "strict" }, ctx));
    await expectRefusedInput(id, "index", () => createColumn(p.editor, id, { name: "X", index: -1 }, ctx));
    await db.boardColumn.createMany({
      data: Array.from({ length: BOARD_LIMITS.columns - 1 }, (_, i) => ({
        boardId: id,
        name: `c${i}`,
        position: `b${String(i).padStart(2, "0")}`,
      })),
    });
    const refused = createColumn(p.editor, id, { name: "One too many" }, ctx);
    await expect(refused).rejects.toBeInstanceOf(ConflictError);
    await expect(refused).rejects.toThrow(`at most ${BOARD_LIMITS.columns} columns`);
    expect(await db.boardColumn.count({ where: { boardId: id } })).toBe(BOARD_LIMITS.columns);
  });

  it("edits a column's name, colour and WIP limit, and the hard limit then applies", async () => {
    const { id, columns } = await newBoard(p, ["A", "B"]);
    const { column } = await expectOneChange(id, "board.column_updated", () =>
      updateColumn(p.editor, id, columns[1], { name: "Review", wipLimit: 1, wipMode: "hard", color: null }, ctx),
    );
    expect(column).toMatchObject({ name: "Review", wipLimit: 1, wipMode: "hard", color: null, version: 2 });
    const row = await db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
    expect(JSON.parse(row.metadata)).toMatchObject({
      changed: ["name", "wipLimit", "wipMode"],
      nameBefore: "B",
      wipLimitAfter: 1,
    });
    await createCard(p.editor, id, { title: "one", columnId: columns[1]! }, ctx);
    await expect(createCard(p.editor, id, { title: "two", columnId: columns[1]! }, ctx)).rejects.toMatchObject({
      code: "wip_limit",
    });
    const cleared = await updateColumn(p.editor, id, columns[1], { wipLimit: null }, ctx);
    expect(cleared.column.wipLimit).toBeNull();
    await expectRefused(id, NotFoundError, () => updateColumn(p.editor, id, "nope", { name: "x" }, ctx));
    const other = await newBoard(p);
    await expectRefused(id, NotFoundError, () => updateColumn(p.editor, id, other.columns[0], { name: "x" }, ctx));
    await expectRefusedInput(id, "wipLimit", () =>
      updateColumn(p.editor, id, columns[0], { wipLimit: BOARD_LIMITS.wipLimit + 1 }, ctx),
    );
    await expectRefused(id, ForbiddenError, () => updateColumn(p.viewer, id, columns[0], { name: "x" }, ctx));
  });

  it("moves a column by writing one row, to any index", async () => {
    const { id, columns } = await newBoard(p, ["A", "B", "C", "D"]);
    const { queries } = await recordQueries(() =>
      expectOneChange(id, "board.column_moved", () => moveColumn(p.editor, id, columns[3], { index: 0 }, ctx)),
    );
    expect(await columnNames(id)).toEqual(["D", "A", "B", "C"]);
    const columnWrites = queries.filter((q) =>
      /^\s*(UPDATE|INSERT INTO|DELETE FROM)\s+([`"]?\w+[`"]?\.)?[`"]?BoardColumn[`"]?\s/i.test(q),
    );
    expect(columnWrites).toHaveLength(1);
    await moveColumn(p.editor, id, columns[3], { index: 2 }, ctx);
    expect(await columnNames(id)).toEqual(["A", "B", "D", "C"]);
    await moveColumn(p.editor, id, columns[0], { index: 99 }, ctx);
    expect(await columnNames(id)).toEqual(["B", "D", "C", "A"]);
    const keys = (await getBoard(p.owner, id)).columns.map((c) => c.position);
    expect(new Set(keys).size).toBe(4);
    expect([...keys].sort()).toEqual(keys);
    await expectRefusedInput(id, "index", () => moveColumn(p.editor, id, columns[0], { index: 1.5 }, ctx));
    await expectRefusedInput(id, "index", () => moveColumn(p.editor, id, columns[0], {}, ctx));
    await expectRefused(id, ForbiddenError, () => moveColumn(p.viewer, id, columns[0], { index: 0 }, ctx));
  });

  it("deletes an empty column, refuses one holding cards (saying how many) and the last one", async () => {
    const { id, columns } = await newBoard(p, ["A", "B", "C"]);
    await createCard(p.editor, id, { title: "open", columnId: columns[0]! }, ctx);
    const archived = (await createCard(p.editor, id, { title: "old", columnId: columns[0]! }, ctx)).card;
    await setCardArchived(p.editor, id, archived.id, true, ctx);
    const old = (await createCard(p.editor, id, { title: "old 2", columnId: columns[1]! }, ctx)).card;
    await setCardArchived(p.editor, id, old.id, true, ctx);

    const full = deleteColumn(p.editor, id, columns[0], ctx);
    await expect(full).rejects.toBeInstanceOf(ConflictError);
    await expect(full).rejects.toThrow("“A” still holds 2 cards (1 of them archived)");
    await expect(deleteColumn(p.editor, id, columns[1], ctx)).rejects.toThrow("still holds 1 archived card");
    await expectRefused(id, ForbiddenError, () => deleteColumn(p.viewer, id, columns[2], ctx));

    const done = await expectOneChange(id, "board.column_deleted", () => deleteColumn(p.editor, id, columns[2], ctx));
    expect(done.columnId).toBe(columns[2]);
    expect(await columnNames(id)).toEqual(["A", "B"]);
    const [event] = (await listBoardEvents(p.owner, id, done.seq - 1)).events;
    expect(event?.payload).toEqual({ removedColumnIds: [columns[2]] });
    await expectRefused(id, NotFoundError, () => deleteColumn(p.editor, id, columns[2], ctx));

    const single = await newBoard(p, ["Only"]);
    const last = deleteColumn(p.owner, single.id, single.columns[0], ctx);
    await expect(last).rejects.toThrow("at least one column");
    expect(await db.boardColumn.count({ where: { boardId: single.id } })).toBe(1);
  });

  it("keeps one total order of columns under concurrent moves", async () => {
    const { id, columns } = await newBoard(p, ["A", "B", "C", "D", "E"]);
    for (let round = 0; round < 6; round++) {
      await Promise.all(
        columns.map((c, i) => moveColumn(i % 2 ? p.editor : p.owner, id, c, { index: (i * 3 + round) % 5 }, ctx)),
      );
    }
    const board = await getBoard(p.owner, id);
    expect(new Set(board.columns.map((c) => c.position)).size).toBe(5);
    expect([...board.columns].sort(byPosition).map((c) => c.id)).toEqual(board.columns.map((c) => c.id));
  });
});

describe("archiving and deleting a board", () => {
  it("archives (read only, listed apart), restores, and only owners may", async () => {
    const { id, columns } = await newBoard(p);
    await expectRefused(id, ForbiddenError, () => setBoardArchived(p.editor, id, true, ctx));
    await expectRefused(id, NotFoundError, () => setBoardArchived(p.outsider, id, true, ctx));
    const { board } = await expectOneChange(id, "board.archived", () => setBoardArchived(p.owner, id, true, ctx));
    expect(board.archivedAt).not.toBeNull();
    expect((await listBoards(p.viewer)).some((b) => b.id === id)).toBe(false);
    expect((await listBoards(p.viewer, { archived: true })).some((b) => b.id === id)).toBe(true);
    await expectRefused(id, ConflictError, () => createCard(p.editor, id, { title: "x", columnId: columns[0]! }, ctx));
    await expectRefused(id, ConflictError, () => createColumn(p.editor, id, { name: "x" }, ctx));
    await expectRefused(id, ConflictError, () => updateBoard(p.owner, id, { name: "x" }, ctx));
    await expectRefused(id, ForbiddenError, () => setBoardArchived(p.editor, id, false, ctx));
    const restored = await expectOneChange(id, "board.restored", () => setBoardArchived(p.owner, id, false, ctx));
    expect(restored.board).toMatchObject({ archivedAt: null, version: board.version + 1 });
    const [event] = (await listBoardEvents(p.owner, id, restored.seq - 1)).events;
    expect(event?.payload).toEqual({ board: { archivedAt: null, version: board.version + 1 } });
    await createCard(p.editor, id, { title: "back in business", columnId: columns[0]! }, ctx);
  });

  it("deletes only an archived board, with its cards, by an owner, keeping its name in the audit log", async () => {
    const { id, columns } = await newBoard(p, ["A", "B"], { swimlanesEnabled: true });
    const { card } = await createCard(p.editor, id, { title: "goes too", columnId: columns[1]! }, ctx);
    await db.checklistItem.create({ data: { cardId: card.id, text: "step", position: "a0" } });
    const name = (await getBoard(p.owner, id)).name;
    const open = deleteBoard(p.owner, id, ctx);
    await expect(open).rejects.toBeInstanceOf(ConflictError);
    await expect(open).rejects.toThrow("Archive the board before deleting it.");
    await setBoardArchived(p.owner, id, true, ctx);
    await expectRefused(id, ForbiddenError, () => deleteBoard(p.editor, id, ctx));
    await expectRefused(id, NotFoundError, () => deleteBoard(p.outsider, id, ctx));
    await expect(deleteBoard(p.owner, id, ctx)).resolves.toEqual({ boardId: id });
    expect(await db.board.count({ where: { id } })).toBe(0);
    expect(await db.card.count({ where: { boardId: id } })).toBe(0);
    expect(await db.checklistItem.count({ where: { cardId: card.id } })).toBe(0);
    expect(await db.boardColumn.count({ where: { boardId: id } })).toBe(0);
    expect(await db.boardEvent.count({ where: { boardId: id } })).toBe(0);
    const row = await db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
    expect(row).toMatchObject({ action: "board.deleted", targetId: id, actorId: p.owner.userId });
    expect(JSON.parse(row.metadata)).toMatchObject({ name, cards: 1 });
    await expect(getBoard(p.owner, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteBoard(p.owner, id, ctx)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("lets board.manage delete an archived board it is not a member of", async () => {
    const { id } = await newBoard(p);
    await setBoardArchived(p.manager, id, true, ctx);
    await expect(deleteBoard(p.manager, id, ctx)).resolves.toEqual({ boardId: id });
  });
});

describe("swimlanes", () => {
  it("adds, edits, moves and deletes lanes on a board with swimlanes", async () => {
    const { id, lanes } = await newBoard(p, ["A"], { swimlanesEnabled: true });
    expect(lanes).toHaveLength(1);
    const { lane } = await expectOneChange(id, "board.lane_created", () =>
      createLane(p.editor, id, { name: "Expedite", wipLimit: 2 }, ctx),
    );
    expect(lane).toMatchObject({ name: "Expedite", wipLimit: 2, version: 1 });
    const third = (await createLane(p.editor, id, { name: "Later" }, ctx)).lane;
    const laneNames = async () => (await getBoard(p.owner, id)).lanes.map((l) => l.name);
    expect(await laneNames()).toEqual(["Default", "Expedite", "Later"]);

    const moved = await expectOneChange(id, "board.lane_moved", () =>
      moveLane(p.editor, id, third.id, { index: 0 }, ctx),
    );
    expect(moved.lane.version).toBe(2);
    expect(await laneNames()).toEqual(["Later", "Default", "Expedite"]);

    const edited = await expectOneChange(id, "board.lane_updated", () =>
      updateLane(p.editor, id, lane.id, { name: "Urgent", wipLimit: null }, ctx),
    );
    expect(edited.lane).toMatchObject({ name: "Urgent", wipLimit: null });
    const [event] = (await listBoardEvents(p.owner, id, edited.seq - 1)).events;
    expect(event).toMatchObject({ kind: "lane.changed", payload: { lanes: [{ id: lane.id, name: "Urgent" }] } });

    const removed = await expectOneChange(id, "board.lane_deleted", () => deleteLane(p.editor, id, third.id, ctx));
    expect(removed.laneId).toBe(third.id);
    expect(await laneNames()).toEqual(["Default", "Urgent"]);
  });

  it("refuses lanes on a board without swimlanes, viewers, bad input, a lane holding cards and the last lane", async () => {
    const plain = await newBoard(p);
    await expectRefused(plain.id, ConflictError, () => createLane(p.editor, plain.id, { name: "x" }, ctx));
    await expect(createLane(p.editor, plain.id, { name: "x" }, ctx)).rejects.toThrow("Turn them on");

    const { id, columns, lanes } = await newBoard(p, ["A"], { swimlanesEnabled: true });
    const first = lanes[0]!;
    await expectRefused(id, ForbiddenError, () => createLane(p.viewer, id, { name: "x" }, ctx));
    await expectRefused(id, NotFoundError, () => updateLane(p.outsider, id, first, { name: "x" }, ctx));
    await expectRefusedInput(id, "name", () => createLane(p.editor, id, { name: "\u0007" }, ctx));
    await expectRefusedInput(id, "wipLimit", () => updateLane(p.editor, id, first, { wipLimit: "3" }, ctx));
    await expectRefusedInput(id, "index", () => moveLane(p.editor, id, first, { index: -2 }, ctx));
    await expectRefused(id, NotFoundError, () => updateLane(p.editor, id, plain.id, { name: "x" }, ctx));

    await expect(deleteLane(p.editor, id, first, ctx)).rejects.toThrow("at least one lane");
    const second = (await createLane(p.editor, id, { name: "Second" }, ctx)).lane;
    const { card } = await createCard(
      p.editor,
      id,
      { title: "in lane", columnId: columns[0]!, laneId: second.id },
      ctx,
    );
    await setCardArchived(p.editor, id, card.id, true, ctx);
    const held = deleteLane(p.editor, id, second.id, ctx);
    await expect(held).rejects.toBeInstanceOf(ConflictError);
    await expect(held).rejects.toThrow("Lane “Second” still holds 1 archived card");
    expect((await getBoard(p.owner, id)).lanes).toHaveLength(2);

    const full = await newBoard(p, ["A"], { swimlanesEnabled: true });
    await db.boardLane.createMany({
      data: Array.from({ length: BOARD_LIMITS.lanes - 1 }, (_, i) => ({
        boardId: full.id,
        name: `l${i}`,
        position: `b${String(i).padStart(2, "0")}`,
      })),
    });
    await expectRefused(full.id, ConflictError, () => createLane(p.editor, full.id, { name: "extra" }, ctx));
  });

  it("applies a lane's WIP limit per column", async () => {
    const { id, columns, lanes } = await newBoard(p, ["A", "B"], { swimlanesEnabled: true });
    await updateColumn(p.editor, id, columns[0], { wipMode: "hard" }, ctx);
    await updateLane(p.editor, id, lanes[0], { wipLimit: 1 }, ctx);
    await createCard(p.editor, id, { title: "one", columnId: columns[0]! }, ctx);
    await expect(createCard(p.editor, id, { title: "two", columnId: columns[0]! }, ctx)).rejects.toMatchObject({
      code: "wip_limit",
    });
    await expect(createCard(p.editor, id, { title: "other column", columnId: columns[1]! }, ctx)).resolves.toBeTruthy();
  });
});

describe("labels", () => {
  it("adds, renames and recolours labels, names unique on the board whatever the case", async () => {
    const { id } = await newBoard(p);
    const { label } = await expectOneChange(id, "board.label_created", () =>
      createLabel(p.editor, id, { name: "Bug", color: "red" }, ctx),
    );
    expect(label).toMatchObject({ name: "Bug", color: "red" });
    const taken = createLabel(p.editor, id, { name: "bug", color: "blue" }, ctx);
    await expect(taken).rejects.toBeInstanceOf(ConflictError);
    await expect(taken).rejects.toMatchObject({ status: 409, fieldErrors: { name: [expect.stringContaining("bug")] } });
    const other = (await createLabel(p.editor, id, { name: "Feature", color: "green" }, ctx)).label;
    await expectRefused(id, ConflictError, () => updateLabel(p.editor, id, other.id, { name: "BUG" }, ctx));

    const recoloured = await expectOneChange(id, "board.label_updated", () =>
      updateLabel(p.editor, id, label.id, { color: "orange" }, ctx),
    );
    expect(recoloured.label).toEqual({ id: label.id, name: "Bug", color: "orange" });
    // Its own name in another case is a rename, not a clash.
    expect((await updateLabel(p.editor, id, label.id, { name: "BUG", color: "orange" }, ctx)).label.name).toBe("BUG");
    const row = await db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
    expect(JSON.parse(row.metadata)).toMatchObject({ changed: ["name"], nameBefore: "Bug", nameAfter: "BUG" });

    // The same name on another board is fine.
    const elsewhere = await newBoard(p);
    await expect(createLabel(p.editor, elsewhere.id, { name: "Bug", color: "red" }, ctx)).resolves.toBeTruthy();
    expect((await getBoard(p.viewer, id)).labels.map((l) => l.name)).toEqual(["BUG", "Feature"]);
  });

  it("refuses viewers, outsiders, bad input and a board full of labels", async () => {
    const { id } = await newBoard(p);
    await expectRefused(id, ForbiddenError, () => createLabel(p.viewer, id, { name: "x", color: "red" }, ctx));
    await expectRefused(id, NotFoundError, () => createLabel(p.outsider, id, { name: "x", color: "red" }, ctx));
    await expectRefusedInput(id, "color", () => createLabel(p.editor, id, { name: "x" }, ctx));
    await expectRefusedInput(id, "name", () => createLabel(p.editor, id, { name: "x".repeat(41), color: "red" }, ctx));
    await expectRefused(id, NotFoundError, () => updateLabel(p.editor, id, "nope", { color: "red" }, ctx));
    await db.boardLabel.createMany({
      data: Array.from({ length: BOARD_LIMITS.labels }, (_, i) => ({ boardId: id, name: `l${i}`, color: "red" })),
    });
    await expectRefused(id, ConflictError, () => createLabel(p.editor, id, { name: "one more", color: "red" }, ctx));
  });

  it("deleting a label takes it off every card and sends viewers the open ones", async () => {
    const { id, columns } = await newBoard(p);
    const bug = (await createLabel(p.editor, id, { name: "Bug", color: "red" }, ctx)).label;
    const keep = (await createLabel(p.editor, id, { name: "Keep", color: "blue" }, ctx)).label;
    const tagged = (
      await createCard(p.editor, id, { title: "tagged", columnId: columns[0]!, labelIds: [bug.id, keep.id] }, ctx)
    ).card;
    const archived = (await createCard(p.editor, id, { title: "old", columnId: columns[0]!, labelIds: [bug.id] }, ctx))
      .card;
    await setCardArchived(p.editor, id, archived.id, true, ctx);
    await createCard(p.editor, id, { title: "untouched", columnId: columns[0]!, labelIds: [keep.id] }, ctx);
    await expectRefused(id, ForbiddenError, () => deleteLabel(p.viewer, id, bug.id, ctx));

    const done = await expectOneChange(id, "board.label_deleted", () => deleteLabel(p.editor, id, bug.id, ctx));
    expect(done.labelId).toBe(bug.id);
    const [event] = (await listBoardEvents(p.viewer, id, done.seq - 1)).events;
    expect(event?.payload.removedLabelIds).toEqual([bug.id]);
    expect(event?.payload.cards?.map((c) => [c.title, c.labelIds])).toEqual([["tagged", [keep.id]]]);
    expect(event?.payload.cards?.[0]?.version).toBe(tagged.version + 1);
    const board = await getBoard(p.owner, id);
    expect(board.labels.map((l) => l.name)).toEqual(["Keep"]);
    expect(await db.cardLabel.count({ where: { labelId: bug.id } })).toBe(0);
    // An edit made against the card as it was is refused: its labels changed.
    await expect(updateCard(p.editor, id, tagged.id, { title: "stale" }, ctx, tagged.version)).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
    await expectRefused(id, NotFoundError, () => deleteLabel(p.editor, id, bug.id, ctx));
  });
});
