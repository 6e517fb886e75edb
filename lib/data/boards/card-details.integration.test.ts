import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { createCard } from "@/lib/data/boards/create-card";
import { moveCard } from "@/lib/data/boards/move-card";
import { updateCard } from "@/lib/data/boards/update-card";
import { setCardArchived } from "@/lib/data/boards/set-card-archived";
import { getCard } from "@/lib/data/boards/get-card";
import { listBoardCards } from "@/lib/data/boards/list-board-cards";
import {
  addChecklistItem,
  moveChecklistItem,
  removeChecklistItem,
  updateChecklistItem,
} from "@/lib/data/boards/card-checklist";
import { addComment, deleteComment } from "@/lib/data/boards/card-comments";
import { deleteCard } from "@/lib/data/boards/delete-card";
import { listLinkedCards } from "@/lib/data/boards/list-linked-cards";
import { listBoardEvents } from "@/lib/data/boards/board-events";
import { undoCardChange } from "@/lib/data/boards/undo-card-change";
import { removeBoardMember, setBoardMember } from "@/lib/data/boards/board-members";
import { getBoard } from "@/lib/data/boards/get-board";
import { BOARD_LIMITS } from "@/lib/validations/board";
import {
  boardPeople,
  ctx,
  expectOneChange,
  expectRefused,
  expectRefusedInput,
  newBoard,
  type BoardPeople,
} from "@/lib/data/boards/boards-test-kit";
import { testCustomer } from "@/lib/data/transactions/test-fixtures";
import { viewerWithPermissions } from "@/test/role-viewers";

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

describe("checklists", () => {
  it("adds, ticks, rewords, moves and removes items, each bumping the card and sending it to viewers", async () => {
    const { id, columns } = await newBoard(p);
    const { card } = await createCard(p.editor, id, { title: "Steps", columnId: columns[0]! }, ctx);
    const first = await expectOneChange(id, "card.checklist_changed", () =>
      addChecklistItem(p.editor, id, card.id, { text: "  Order   parts " }, ctx),
    );
    expect(first.item).toMatchObject({ text: "Order parts", done: false });
    expect(first.card).toMatchObject({ version: card.version + 1, checklist: { done: 0, total: 1 } });
    const second = await addChecklistItem(p.editor, id, card.id, { text: "Fit them", done: true }, ctx);
    const third = await addChecklistItem(p.owner, id, card.id, { text: "Invoice" }, ctx);
    expect(third.checklist.map((i) => i.text)).toEqual(["Order parts", "Fit them", "Invoice"]);
    expect(third.card.checklist).toEqual({ done: 1, total: 3 });

    const ticked = await expectOneChange(id, "card.checklist_changed", () =>
      updateChecklistItem(p.editor, id, card.id, first.item.id, { done: true }, ctx),
    );
    expect(ticked.card.checklist).toEqual({ done: 2, total: 3 });
    const [event] = (await listBoardEvents(p.viewer, id, ticked.seq - 1)).events;
    expect(event).toMatchObject({ kind: "card.details_changed", payload: { cards: [{ id: card.id }] } });
    expect(event?.payload.cards?.[0]?.checklist).toEqual({ done: 2, total: 3 });
    const audit = await db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
    expect(audit).toMatchObject({ targetType: "card", targetId: card.id });
    expect(JSON.parse(audit.metadata)).toMatchObject({ change: "done", text: "Order parts" });

    const reworded = await updateChecklistItem(p.editor, id, card.id, second.item.id, { text: "Fit both" }, ctx);
    expect(reworded.item).toMatchObject({ text: "Fit both", done: true });

    const moved = await expectOneChange(id, "card.checklist_changed", () =>
      moveChecklistItem(p.editor, id, card.id, third.item.id, { index: 0 }, ctx),
    );
    expect(moved.checklist.map((i) => i.text)).toEqual(["Invoice", "Order parts", "Fit both"]);

    const removed = await expectOneChange(id, "card.checklist_changed", () =>
      removeChecklistItem(p.editor, id, card.id, first.item.id, ctx),
    );
    expect(removed.checklist.map((i) => i.text)).toEqual(["Invoice", "Fit both"]);
    expect(removed.card.checklist).toEqual({ done: 1, total: 2 });
    const detail = await getCard(p.viewer, id, card.id);
    expect(detail.checklist.map((i) => i.text)).toEqual(["Invoice", "Fit both"]);
    expect(detail.card.version).toBe(card.version + 7);
    expect(detail.history.filter((h) => h.action === "card.checklist_changed")).toHaveLength(7);
  });

  it("refuses viewers, outsiders, bad input, unknown items and a full checklist", async () => {
    const { id, columns } = await newBoard(p);
    const { card } = await createCard(p.editor, id, { title: "Steps", columnId: columns[0]! }, ctx);
    const other = (await createCard(p.editor, id, { title: "Other", columnId: columns[0]! }, ctx)).card;
    const { item } = await addChecklistItem(p.editor, id, other.id, { text: "theirs" }, ctx);
    await expectRefused(id, ForbiddenError, () => addChecklistItem(p.viewer, id, card.id, { text: "x" }, ctx));
    await expectRefused(id, NotFoundError, () => addChecklistItem(p.outsider, id, card.id, { text: "x" }, ctx));
    await expectRefusedInput(id, "text", () => addChecklistItem(p.editor, id, card.id, { text: " " }, ctx));
    await expectRefusedInput(id, "text", () =>
      addChecklistItem(p.editor, id, card.id, { text: "x".repeat(BOARD_LIMITS.checklistText + 1) }, ctx),
    );
    await expectRefusedInput(id, "done", () =>
      updateChecklistItem(p.editor, id, card.id, item.id, { done: "yes" }, ctx),
    );
    // An item of another card is not this card's.
    await expectRefused(id, NotFoundError, () =>
      updateChecklistItem(p.editor, id, card.id, item.id, { done: true }, ctx),
    );
    await expectRefused(id, NotFoundError, () => removeChecklistItem(p.editor, id, card.id, "nope", ctx));
    await expectRefused(id, NotFoundError, () => addChecklistItem(p.editor, id, "nope", { text: "x" }, ctx));
    await db.checklistItem.createMany({
      data: Array.from({ length: BOARD_LIMITS.checklistItems }, (_, i) => ({
        cardId: card.id,
        text: `item ${i}`,
        position: `a${String(i).padStart(3, "0")}`,
      })),
    });
    await expectRefused(id, ConflictError, () => addChecklistItem(p.editor, id, card.id, { text: "one more" }, ctx));
  });

  it("does not stand in the way of undoing the card's last move", async () => {
    const { id, columns } = await newBoard(p);
    const { card } = await createCard(p.editor, id, { title: "Steps", columnId: columns[0]! }, ctx);
    await moveCard(p.editor, id, card.id, { columnId: columns[1]!, index: 0 }, ctx);
    await addChecklistItem(p.owner, id, card.id, { text: "someone else's step" }, ctx);
    const undone = await undoCardChange(p.editor, id, ctx);
    expect(undone).toMatchObject({ undone: "move", card: { columnId: columns[0] } });
  });
});

describe("comments", () => {
  it("lets editors comment and shows comments oldest first, with the card's new count", async () => {
    const { id, columns } = await newBoard(p);
    const { card } = await createCard(p.editor, id, { title: "Discuss", columnId: columns[0]! }, ctx);
    const first = await expectOneChange(id, "card.commented", () =>
      addComment(p.editor, id, card.id, { body: "  **First** thoughts\n\nMore  " }, ctx),
    );
    expect(first.comment).toMatchObject({ body: "**First** thoughts\n\nMore", canDelete: true });
    expect(first.comment.author?.id).toBe(p.editor.userId);
    expect(first.card.commentCount).toBe(1);
    // A comment leaves the card's version alone: an edit open elsewhere is not refused for it.
    expect(first.card.version).toBe(card.version);
    await updateCard(p.owner, id, card.id, { priority: "low" }, ctx, card.version);
    const [event] = (await listBoardEvents(p.viewer, id, first.seq - 1)).events;
    expect(event?.payload.cards?.[0]?.commentCount).toBe(1);
    await addComment(p.owner, id, card.id, { body: "Second" }, ctx);
    const detail = await getCard(p.viewer, id, card.id);
    expect(detail.comments.map((c) => c.body)).toEqual(["**First** thoughts\n\nMore", "Second"]);
    expect(detail.card.commentCount).toBe(2);
    expect(detail.history[0]).toMatchObject({ action: "card.commented", label: "Commented on a card" });
  });

  it("refuses comments from viewers and outsiders, and empty or oversized ones", async () => {
    const { id, columns } = await newBoard(p);
    const { card } = await createCard(p.editor, id, { title: "Discuss", columnId: columns[0]! }, ctx);
    await expectRefused(id, ForbiddenError, () => addComment(p.viewer, id, card.id, { body: "hi" }, ctx));
    await expectRefused(id, NotFoundError, () => addComment(p.outsider, id, card.id, { body: "hi" }, ctx));
    await expectRefusedInput(id, "body", () => addComment(p.editor, id, card.id, { body: "   " }, ctx));
    await expectRefusedInput(id, "body", () =>
      addComment(p.editor, id, card.id, { body: "x".repeat(BOARD_LIMITS.comment + 1) }, ctx),
    );
    await expectRefusedInput(id, "_form", () => addComment(p.editor, id, card.id, { body: "hi", authorId: "x" }, ctx));
    expect(await db.cardComment.count({ where: { cardId: card.id } })).toBe(0);
  });

  it("lets a comment's author or an owner delete it, nobody else", async () => {
    const { id, columns } = await newBoard(p);
    const { card } = await createCard(p.editor, id, { title: "Discuss", columnId: columns[0]! }, ctx);
    const second = await viewerWithPermissions(["board.read", "board.write"]);
    await setBoardMember(p.owner, id, { userId: second.userId, role: "editor" }, ctx);
    const mine = (await addComment(p.editor, id, card.id, { body: "mine" }, ctx)).comment;
    const theirs = (await addComment(second, id, card.id, { body: "theirs" }, ctx)).comment;
    const owners = (await addComment(p.owner, id, card.id, { body: "owner's" }, ctx)).comment;

    await expectRefused(id, ForbiddenError, () => deleteComment(p.editor, id, card.id, theirs.id, ctx));
    await expectRefused(id, ForbiddenError, () => deleteComment(p.viewer, id, card.id, mine.id, ctx));
    await expectRefused(id, NotFoundError, () => deleteComment(p.outsider, id, card.id, mine.id, ctx));
    const other = (await createCard(p.editor, id, { title: "Other", columnId: columns[0]! }, ctx)).card;
    await expectRefused(id, NotFoundError, () => deleteComment(p.editor, id, other.id, mine.id, ctx));

    const done = await expectOneChange(id, "card.comment_deleted", () =>
      deleteComment(p.editor, id, card.id, mine.id, ctx),
    );
    expect(done).toMatchObject({ commentId: mine.id, card: { commentCount: 2 } });
    await deleteComment(p.owner, id, card.id, theirs.id, ctx);
    await deleteComment(p.manager, id, card.id, owners.id, ctx);
    expect(await db.cardComment.count({ where: { cardId: card.id } })).toBe(0);
    await expectRefused(id, NotFoundError, () => deleteComment(p.editor, id, card.id, mine.id, ctx));
    const history = (await getCard(p.owner, id, card.id)).history.map((h) => h.action);
    expect(history.filter((a) => a === "card.comment_deleted")).toHaveLength(3);
  });
});

describe("deleting a card", () => {
  it("deletes only an archived card, with its checklist and comments, keeping its title in the audit log", async () => {
    const { id, columns } = await newBoard(p);
    const { card } = await createCard(p.editor, id, { title: "Short-lived", columnId: columns[0]! }, ctx);
    await addChecklistItem(p.editor, id, card.id, { text: "step" }, ctx);
    await addComment(p.editor, id, card.id, { body: "note" }, ctx);
    const open = deleteCard(p.editor, id, card.id, ctx);
    await expect(open).rejects.toBeInstanceOf(ConflictError);
    await expect(open).rejects.toThrow("Archive the card before deleting it.");
    await setCardArchived(p.editor, id, card.id, true, ctx);
    await expectRefused(id, ForbiddenError, () => deleteCard(p.viewer, id, card.id, ctx));
    await expectRefused(id, NotFoundError, () => deleteCard(p.outsider, id, card.id, ctx));
    const other = await newBoard(p);
    await expectRefused(other.id, NotFoundError, () => deleteCard(p.owner, other.id, card.id, ctx));

    const done = await expectOneChange(id, "card.deleted", () => deleteCard(p.editor, id, card.id, ctx));
    expect(done.cardId).toBe(card.id);
    const [event] = (await listBoardEvents(p.viewer, id, done.seq - 1)).events;
    expect(event).toMatchObject({ kind: "card.deleted", payload: { removedCardIds: [card.id] } });
    expect(await db.card.count({ where: { id: card.id } })).toBe(0);
    expect(await db.checklistItem.count({ where: { cardId: card.id } })).toBe(0);
    expect(await db.cardComment.count({ where: { cardId: card.id } })).toBe(0);
    const row = await db.auditEvent.findFirstOrThrow({ where: { action: "card.deleted" }, orderBy: { seq: "desc" } });
    expect(row.targetId).toBe(card.id);
    expect(JSON.parse(row.metadata)).toMatchObject({ title: "Short-lived", boardId: id });
    await expect(getCard(p.owner, id, card.id)).rejects.toBeInstanceOf(NotFoundError);
    // Undoing the archive now finds no card.
    await expect(undoCardChange(p.editor, id, ctx)).rejects.toBeInstanceOf(ConflictError);
    await expect(updateCard(p.editor, id, card.id, { title: "x" }, ctx)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("cards linked to a customer or a transaction", () => {
  it("lists open linked cards of boards the caller can see, with the board's name", async () => {
    const customer = await testCustomer();
    const seen = await newBoard(p);
    const hidden = await newBoard(p);
    const { card } = await createCard(
      p.editor,
      seen.id,
      { title: "Call back", columnId: seen.columns[0]!, customerId: customer.id },
      ctx,
    );
    const gone = (
      await createCard(p.editor, seen.id, { title: "Old", columnId: seen.columns[0]!, customerId: customer.id }, ctx)
    ).card;
    await setCardArchived(p.editor, seen.id, gone.id, true, ctx);
    // On a board the viewer has left.
    await setBoardMember(p.owner, hidden.id, { userId: p.viewer.userId, role: "viewer" }, ctx);
    const secret = (
      await createCard(
        p.owner,
        hidden.id,
        { title: "Secret", columnId: hidden.columns[0]!, customerId: customer.id },
        ctx,
      )
    ).card;
    await removeBoardMember(p.owner, hidden.id, p.viewer.userId, ctx);

    const boardName = (await getBoard(p.owner, seen.id)).name;
    const forViewer = await listLinkedCards(p.viewer, { customerId: customer.id });
    expect(forViewer.map((l) => [l.card.id, l.boardName])).toEqual([[card.id, boardName]]);
    expect(forViewer[0]!.card.customer).toEqual({ id: customer.id, name: customer.name });
    expect((await listLinkedCards(p.outsider, { customerId: customer.id })).map((l) => l.card.id)).toEqual([]);
    const forOwner = (await listLinkedCards(p.owner, { customerId: customer.id })).map((l) => l.card.id);
    expect(forOwner.sort()).toEqual([card.id, secret.id].sort());

    // Without customers.read the link is not shown at all; board.manage alone sees no customers either.
    const noCustomers = await viewerWithPermissions(["board.read", "board.write", "board.manage"]);
    expect(await listLinkedCards(noCustomers, { customerId: customer.id })).toEqual([]);
    const admin = await viewerWithPermissions(["board.read", "board.manage", "customers.read"]);
    expect((await listLinkedCards(admin, { customerId: customer.id })).length).toBe(2);
    expect(await listLinkedCards(p.viewer, { customerId: "" })).toEqual([]);
    expect(await listLinkedCards(p.viewer, { customerId: 7 })).toEqual([]);
    await expect(listLinkedCards(null, { customerId: customer.id })).rejects.toMatchObject({ status: 401 });
  });

  it("lists cards linked to a transaction", async () => {
    const board = await newBoard(p);
    const transaction = await db.transaction.create({
      data: {
        number: 900_000_000 + Math.floor(Math.random() * 99_999_999),
        staffId: p.owner.userId,
        currency: "USD",
        subtotal: 1000,
        tax: 0,
        total: 1000,
        paymentMethod: "cash",
      },
    });
    const { card } = await createCard(
      p.editor,
      board.id,
      { title: "Deliver", columnId: board.columns[0]!, transactionId: transaction.id },
      ctx,
    );
    const linked = await listLinkedCards(p.viewer, { transactionId: transaction.id });
    expect(linked.map((l) => l.card.id)).toEqual([card.id]);
    expect(linked[0]!.card.transaction).toEqual({ id: transaction.id, number: transaction.number });
    expect(await listLinkedCards(p.outsider, { transactionId: transaction.id })).toEqual([]);
  });
});
