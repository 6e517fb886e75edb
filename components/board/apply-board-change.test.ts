import { describe, expect, it } from "vitest";
import { applyBoardChange, needsReload } from "@/components/board/apply-board-change";
import { board, card, column } from "@/components/board/board-test-kit";

const ids = (list: { id: string }[]) => list.map((x) => x.id);

describe("applyBoardChange", () => {
  it("upserts a moved card and re-sorts by position, then id", () => {
    const next = applyBoardChange(board(), { cards: [card("c1", "doing", "a0", { version: 2 })] });
    expect(next.cards.find((c) => c.id === "c1")).toMatchObject({ columnId: "doing", version: 2 });
    // c1 and c3 share key a0 in "doing": the id decides.
    expect(ids(next.cards)).toEqual(["c1", "c3", "c2"]);
  });

  it("adds a card it did not hold", () => {
    const next = applyBoardChange(board(), { cards: [card("c9", "todo", "Zz")] });
    expect(ids(next.cards)).toContain("c9");
    expect(ids(next.cards.filter((c) => c.columnId === "todo"))).toEqual(["c9", "c1", "c2"]);
  });

  it("ignores a card older than the one held, takes an equal or newer one", () => {
    const held = board({ cards: [card("c1", "todo", "a0", { version: 5, title: "new" })] });
    expect(applyBoardChange(held, { cards: [card("c1", "doing", "a0", { version: 4 })] }).cards[0]).toMatchObject({
      columnId: "todo",
      title: "new",
    });
    expect(applyBoardChange(held, { cards: [card("c1", "doing", "a0", { version: 5 })] }).cards[0]!.columnId).toBe(
      "doing",
    );
    expect(applyBoardChange(held, { cards: [card("c1", "doing", "a0", { version: 6 })] }).cards[0]!.version).toBe(6);
  });

  it("drops removed cards, archived cards and cards now on another board", () => {
    const next = applyBoardChange(board(), {
      removedCardIds: ["c1"],
      cards: [
        card("c2", "todo", "a1", { version: 2, archivedAt: "2026-01-02T00:00:00.000Z" }),
        card("c3", "x", "a0", { version: 2, boardId: "b2" }),
      ],
    });
    expect(next.cards).toEqual([]);
  });

  it("upserts and removes columns, lanes and labels, keeping them ordered", () => {
    const start = board({
      labels: [
        { id: "l1", name: "Urgent", color: "red" },
        { id: "l2", name: "Blocked", color: "amber" },
      ],
      cards: [card("c1", "todo", "a0", { labelIds: ["l1", "l2"] })],
    });
    const next = applyBoardChange(start, {
      columns: [column("done", "a2", { name: "Done" }), column("todo", "a3", { name: "Later" })],
      removedColumnIds: ["doing"],
      lanes: [{ id: "ln1", name: "Ops", position: "a0", wipLimit: null, version: 1 }],
      labels: [{ id: "l3", name: "Customer", color: "blue" }],
      removedLabelIds: ["l1"],
    });
    expect(next.columns.map((c) => c.name)).toEqual(["Done", "Later"]);
    expect(ids(next.lanes)).toEqual(["ln1"]);
    expect(next.labels.map((l) => l.name)).toEqual(["Blocked", "Customer"]);
    // The removed label leaves the cards that had it.
    expect(next.cards[0]!.labelIds).toEqual(["l2"]);
  });

  it("replaces the members and forgets assignees who left", () => {
    const start = board({ cards: [card("c1", "todo", "a0", { assigneeIds: ["u1", "u2"] })] });
    const next = applyBoardChange(start, {
      members: [{ userId: "u1", name: "Maya Lindqvist", username: "maya", role: "owner" }],
    });
    expect(next.members).toHaveLength(1);
    expect(next.cards[0]!.assigneeIds).toEqual(["u1"]);
  });

  it("merges the board's own fields that are given, leaving the rest", () => {
    const next = applyBoardChange(board(), { board: { name: "Back office", swimlanesEnabled: undefined } });
    expect(next).toMatchObject({ name: "Back office", swimlanesEnabled: false, color: "blue", seq: 10 });
  });

  it("returns an equal board for an empty change, and never mutates its input", () => {
    const start = board();
    const frozen = JSON.stringify(start);
    expect(applyBoardChange(start, {})).toEqual(start);
    applyBoardChange(start, { cards: [card("c1", "doing", "a9", { version: 3 })], removedCardIds: ["c2"] });
    expect(JSON.stringify(start)).toBe(frozen);
  });

  it("says when the viewer must reload", () => {
    expect(needsReload({ reload: true })).toBe(true);
    expect(needsReload({ cards: [] })).toBe(false);
  });
});
