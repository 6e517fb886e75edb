import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { createCard } from "@/lib/data/boards/create-card";
import { moveCard } from "@/lib/data/boards/move-card";
import { updateCard } from "@/lib/data/boards/update-card";
import { setCardArchived } from "@/lib/data/boards/set-card-archived";
import { getCard } from "@/lib/data/boards/get-card";
import { listBoardCards } from "@/lib/data/boards/list-board-cards";
import { boardPeople, ctx, expectRefusedInput, newBoard, type BoardPeople } from "@/lib/data/boards/boards-test-kit";

let p: BoardPeople;

beforeAll(async () => {
  p = await boardPeople();
});

const DAY = 24 * 60 * 60 * 1000;

describe("a card's details", () => {
  it("shows members the card, its checklist in order, comments oldest first and history newest first", async () => {
    const { id, columns } = await newBoard(p);
    const { card } = await createCard(p.editor, id, { title: "Detailed", columnId: columns[0]! }, ctx);
    await moveCard(p.owner, id, card.id, { columnId: columns[1]!, index: 0 }, ctx);
    await updateCard(p.editor, id, card.id, { priority: "high" }, ctx);
    await db.checklistItem.createMany({
      data: [
        { cardId: card.id, text: "second", position: "a1" },
        { cardId: card.id, text: "first", position: "a0", done: true },
      ],
    });
    await db.cardComment.create({
      data: { cardId: card.id, authorId: p.editor.userId, body: "older", createdAt: new Date(Date.now() - 60_000) },
    });
    await db.cardComment.create({ data: { cardId: card.id, authorId: p.owner.userId, body: "newer" } });

    const detail = await getCard(p.viewer, id, card.id);
    expect(detail.card).toMatchObject({ id: card.id, columnId: columns[1], priority: "high" });
    expect(detail.card.checklist).toEqual({ done: 1, total: 2 });
    expect(detail.checklist.map((i) => [i.text, i.done])).toEqual([
      ["first", true],
      ["second", false],
    ]);
    expect(detail.comments.map((c) => c.body)).toEqual(["older", "newer"]);
    expect(detail.comments[0]!.author?.id).toBe(p.editor.userId);
    // A viewer deletes no comment; the author deletes theirs; an owner deletes any.
    expect(detail.comments.map((c) => c.canDelete)).toEqual([false, false]);
    expect((await getCard(p.editor, id, card.id)).comments.map((c) => c.canDelete)).toEqual([true, false]);
    expect((await getCard(p.owner, id, card.id)).comments.map((c) => c.canDelete)).toEqual([true, true]);
    expect((await getCard(p.manager, id, card.id)).comments.map((c) => c.canDelete)).toEqual([true, true]);

    expect(detail.history.map((h) => h.action)).toEqual(["card.updated", "card.moved", "card.created"]);
    const moved = detail.history[1]!;
    expect(moved.label).toBe("Moved a card");
    expect(moved.metadata).toMatchObject({ columnIdBefore: columns[0], columnIdAfter: columns[1] });
    const owner = await db.user.findUniqueOrThrow({ where: { id: p.owner.userId } });
    expect(moved.actorName).toBe(`${owner.firstName} ${owner.lastName}`);
    expect(detail.history[0]!.metadata).toMatchObject({ changed: ["priority"], priorityAfter: "high" });
  });

  it("hides a card from non-members (404) and cards of other boards", async () => {
    const { id, columns } = await newBoard(p);
    const { card } = await createCard(p.editor, id, { title: "Private", columnId: columns[0]! }, ctx);
    await expect(getCard(p.outsider, id, card.id)).rejects.toBeInstanceOf(NotFoundError);
    const other = await newBoard(p);
    await expect(getCard(p.owner, other.id, card.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getCard(p.owner, id, "nope")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getCard(p.owner, id, 42)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getCard(p.manager, id, card.id)).resolves.toMatchObject({ card: { id: card.id } });
  });

  it("shows a customer link only to those who may read customers", async () => {
    const { id, columns } = await newBoard(p);
    const customer = await db.customer.create({
      data: { name: "Linked Ltd", email: `linked${Math.random().toString(36).slice(2, 8)}@example.com` },
    });
    const { card } = await createCard(
      p.editor,
      id,
      { title: "For a customer", columnId: columns[0]!, customerId: customer.id },
      ctx,
    );
    expect((await getCard(p.viewer, id, card.id)).card.customer).toEqual({ id: customer.id, name: "Linked Ltd" });
    expect((await getCard(p.manager, id, card.id)).card.customer).toBeNull();
  });
});

describe("listing a board's cards", () => {
  let board: { id: string; columns: string[] };
  let label: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    board = await newBoard(p, ["A", "B"]);
    label = (await db.boardLabel.create({ data: { boardId: board.id, name: "Bug", color: "red" } })).id;
    const [a, b] = board.columns as [string, string];
    const now = Date.now();
    const make = async (key: string, input: Record<string, unknown>) => {
      ids[key] = (await createCard(p.editor, board.id, { title: key, ...input }, ctx)).card.id;
    };
    // Created in B first, so database order differs from board order.
    await make("b-top", { columnId: b, description: "Mentions the INVOICE", priority: "urgent" });
    await make("a-second", { columnId: a, assigneeIds: [p.editor.userId], dueAt: new Date(now - DAY).toISOString() });
    await make("a-first", { columnId: a, index: 0, labelIds: [label], dueAt: new Date(now + 3 * DAY).toISOString() });
    await make("a-third", {
      columnId: a,
      assigneeIds: [p.owner.userId],
      dueAt: new Date(now + 10 * DAY).toISOString(),
    });
    await make("archived-1", { columnId: a });
    await make("archived-2", { columnId: b });
    await setCardArchived(p.editor, board.id, ids["archived-1"], true, ctx);
    await setCardArchived(p.editor, board.id, ids["archived-2"], true, ctx);
    await db.card.update({ where: { id: ids["archived-1"] }, data: { archivedAt: new Date(now - DAY) } });
  });

  const titles = async (filter: Record<string, unknown>, actor = p.viewer) =>
    (await listBoardCards(actor, board.id, filter)).map((c) => c.title);

  it("lists open cards in board order: by column, then by position", async () => {
    expect(await titles({})).toEqual(["a-first", "a-second", "a-third", "b-top"]);
    expect(await titles({ archived: "false" })).toEqual(["a-first", "a-second", "a-third", "b-top"]);
  });

  it("filters by text in the title or description, whatever the case", async () => {
    expect(await titles({ q: "invoice" })).toEqual(["b-top"]);
    expect(await titles({ q: "A-SEC" })).toEqual(["a-second"]);
    expect(await titles({ q: "nothing like it" })).toEqual([]);
  });

  it("filters by assignee, and 'me' is the caller", async () => {
    expect(await titles({ assignee: p.editor.userId })).toEqual(["a-second"]);
    expect(await titles({ assignee: "me" }, p.owner)).toEqual(["a-third"]);
    expect(await titles({ assignee: "me" }, p.viewer)).toEqual([]);
  });

  it("filters by label, priority and due date", async () => {
    expect(await titles({ label: label })).toEqual(["a-first"]);
    expect(await titles({ priority: "urgent" })).toEqual(["b-top"]);
    expect(await titles({ priority: "none" })).toEqual(["a-first", "a-second", "a-third"]);
    expect(await titles({ due: "overdue" })).toEqual(["a-second"]);
    expect(await titles({ due: "week" })).toEqual(["a-first"]);
    expect(await titles({ due: "none" })).toEqual(["b-top"]);
    expect(await titles({ due: "week", label })).toEqual(["a-first"]);
    expect(await titles({ due: "week", priority: "urgent" })).toEqual([]);
  });

  it("lists only archived cards, most recently archived first, in the archive view", async () => {
    expect(await titles({ archived: "true" })).toEqual(["archived-2", "archived-1"]);
    expect(await titles({ archived: "true", q: "archived-1" })).toEqual(["archived-1"]);
  });

  it("refuses non-members (404) and bad filters (422)", async () => {
    await expect(listBoardCards(p.outsider, board.id, {})).rejects.toBeInstanceOf(NotFoundError);
    await expectRefusedInput(board.id, "due", () => listBoardCards(p.viewer, board.id, { due: "tomorrow" }));
    await expectRefusedInput(board.id, "priority", () => listBoardCards(p.viewer, board.id, { priority: "meh" }));
    expect((await listBoardCards(p.manager, board.id, {})).length).toBe(4);
  });
});
