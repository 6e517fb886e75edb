// The board read is lean (issue 12's speed targets): per card only what a tile shows, labels and
// members once on the board; the card's GET has the rest. The board's raw-SQL card read
// (read-board-cards.ts) must agree with the whole card read through the query builder.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { createLabel } from "@/lib/data/boards/board-labels";
import { setBoardMember } from "@/lib/data/boards/board-members";
import { toBoardCard } from "@/lib/data/boards/board-json";
import { listBoardEvents } from "@/lib/data/boards/board-events";
import { addChecklistItem } from "@/lib/data/boards/card-checklist";
import { addComment } from "@/lib/data/boards/card-comments";
import { createCard } from "@/lib/data/boards/create-card";
import { getBoard } from "@/lib/data/boards/get-board";
import { getCard } from "@/lib/data/boards/get-card";
import { setCardArchived } from "@/lib/data/boards/set-card-archived";
import { updateCard } from "@/lib/data/boards/update-card";
import { boardPeople, ctx, newBoard, type BoardPeople } from "@/lib/data/boards/boards-test-kit";
import { testCustomer } from "@/lib/data/transactions/test-fixtures";
import { viewerWithPermissions } from "@/test/role-viewers";

let p: BoardPeople;

beforeAll(async () => {
  p = await boardPeople();
});

const LEAN_KEYS = [
  "assigneeIds",
  "checklist",
  "columnId",
  "commentCount",
  "coverColor",
  "customer",
  "dueAt",
  "hasDescription",
  "id",
  "labelIds",
  "laneId",
  "position",
  "priority",
  "title",
  "transaction",
  "version",
];

describe("the board read", () => {
  it("carries lean cards: no description, checklist items, comments or timestamps; the card's GET has them", async () => {
    const { id, columns } = await newBoard(p);
    const described = (
      await createCard(
        p.editor,
        id,
        { title: "Described", columnId: columns[0]!, description: "Long **Markdown** text" },
        ctx,
      )
    ).card;
    const plain = (await createCard(p.editor, id, { title: "Plain", columnId: columns[0]! }, ctx)).card;
    const board = await getBoard(p.viewer, id);
    expect(board.cards.map((c) => c.title)).toEqual(["Described", "Plain"]);
    for (const card of board.cards) expect(Object.keys(card).sort()).toEqual(LEAN_KEYS);
    expect(board.cards.map((c) => c.hasDescription)).toEqual([true, false]);
    expect(JSON.stringify(board)).not.toContain("Markdown");

    const detail = await getCard(p.viewer, id, described.id);
    expect(detail.card.description).toBe("Long **Markdown** text");
    expect(detail.card.hasDescription).toBe(true);
    expect((await getCard(p.viewer, id, plain.id)).card).toMatchObject({ description: null, hasDescription: false });
    // The card's GET filters by membership like the board: a non-member is told it does not exist.
    await expect(getCard(p.outsider, id, described.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getCard(p.outsider, id, "nope")).rejects.toBeInstanceOf(NotFoundError);
    // An archived card leaves the board read and is still read through its GET.
    await setCardArchived(p.editor, id, plain.id, true, ctx);
    expect((await getBoard(p.owner, id)).cards.map((c) => c.id)).toEqual([described.id]);
    expect((await getCard(p.owner, id, plain.id)).card.archivedAt).not.toBeNull();
  });

  it("agrees with the whole card on every field a tile shows (labels, assignees, counts, links, lanes)", async () => {
    const reader = await viewerWithPermissions(["board.read", "board.write", "customers.read"]);
    const blind = await viewerWithPermissions(["board.read"]);
    const { id, columns, lanes } = await newBoard(p, ["To do", "Doing"], { swimlanesEnabled: true });
    await setBoardMember(p.owner, id, { userId: reader.userId, role: "editor" }, ctx);
    await setBoardMember(p.owner, id, { userId: blind.userId, role: "viewer" }, ctx);
    const [bug, chore] = [
      (await createLabel(p.owner, id, { name: "Bug", color: "red" }, ctx)).label,
      (await createLabel(p.owner, id, { name: "Chore", color: "slate" }, ctx)).label,
    ];
    const customer = await testCustomer();
    const full = (
      await createCard(
        reader,
        id,
        {
          title: "Everything",
          columnId: columns[1]!,
          laneId: lanes[0]!,
          description: "x",
          dueAt: "2026-12-24",
          priority: "urgent",
          coverColor: "teal",
          labelIds: [chore.id, bug.id],
          assigneeIds: [p.editor.userId, p.owner.userId],
          customerId: customer.id,
        },
        ctx,
      )
    ).card;
    for (const text of ["one", "two", "three"]) await addChecklistItem(p.editor, id, full.id, { text }, ctx);
    const items = await db.checklistItem.findMany({ where: { cardId: full.id }, select: { id: true } });
    await db.checklistItem.updateMany({
      where: { id: { in: items.slice(0, 2).map((i) => i.id) } },
      data: { done: true },
    });
    await addComment(p.editor, id, full.id, { body: "first" }, ctx);
    await addComment(p.owner, id, full.id, { body: "second" }, ctx);
    await createCard(p.editor, id, { title: "Bare", columnId: columns[0]! }, ctx);

    for (const who of [reader, blind]) {
      const board = await getBoard(who, id);
      expect(board.cards).toHaveLength(2);
      for (const card of board.cards) {
        expect(card).toEqual(toBoardCard((await getCard(who, id, card.id)).card));
      }
    }
    const seen = (await getBoard(reader, id)).cards.find((c) => c.id === full.id)!;
    expect(seen).toMatchObject({
      laneId: lanes[0],
      labelIds: [bug.id, chore.id].sort(),
      assigneeIds: [p.editor.userId, p.owner.userId].sort(),
      checklist: { done: 2, total: 3 },
      commentCount: 2,
      hasDescription: true,
      customer: { id: customer.id, name: customer.name },
      dueAt: "2026-12-24T12:00:00.000Z",
    });
    // Without customers.read the link is not named (as on the whole card).
    expect((await getBoard(blind, id)).cards.find((c) => c.id === full.id)!.customer).toBeNull();
  });

  it("sends live viewers lean cards: an edit's event carries the tile's fields, never the description", async () => {
    const { id, columns } = await newBoard(p);
    const { card } = await createCard(p.editor, id, { title: "Live", columnId: columns[0]! }, ctx);
    const seq = (await getBoard(p.owner, id)).seq;
    await updateCard(p.editor, id, card.id, { description: "Secret plan", priority: "high" }, ctx);
    const { events } = await listBoardEvents(p.viewer, id, seq);
    expect(events).toHaveLength(1);
    const sent = events[0]!.payload.cards![0]!;
    expect(Object.keys(sent).sort()).toEqual(LEAN_KEYS);
    expect(sent).toMatchObject({ id: card.id, hasDescription: true, priority: "high", version: card.version + 1 });
    expect(JSON.stringify(events)).not.toContain("Secret plan");
    const stored = await db.boardEvent.findUniqueOrThrow({ where: { boardId_seq: { boardId: id, seq: seq + 1 } } });
    expect(stored.payload).not.toContain("Secret plan");
  });
});
