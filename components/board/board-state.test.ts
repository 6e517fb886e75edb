import { describe, expect, it } from "vitest";
import { board, card } from "@/components/board/board-test-kit";
import { boardReducer, boardView, type BoardState } from "@/components/board/board-state";
import { cardsIn, fullIndex, keyAt, positionOf } from "@/components/board/board-order";

const titles = (s: BoardState, columnId: string) => cardsIn(boardView(s), { columnId, laneId: null }).map((c) => c.id);
const start = (): BoardState => ({ base: board(), pending: [] });

describe("board state", () => {
  it("shows a move at once and keeps it when the server agrees", () => {
    let s = boardReducer(start(), {
      type: "optimistic",
      id: 1,
      change: { kind: "move", cardId: "c1", to: { columnId: "doing", laneId: null, index: 1 } },
    });
    expect(titles(s, "todo")).toEqual(["c2"]);
    expect(titles(s, "doing")).toEqual(["c3", "c1"]);
    const confirmed = card("c1", "doing", "a1", { version: 2 });
    s = boardReducer(s, { type: "settle", id: 1, payload: { cards: [confirmed] } });
    expect(s.pending).toEqual([]);
    expect(titles(s, "doing")).toEqual(["c3", "c1"]);
  });

  it("rolls a refused move back", () => {
    let s = boardReducer(start(), {
      type: "optimistic",
      id: 1,
      change: { kind: "move", cardId: "c2", to: { columnId: "todo", laneId: null, index: 0 } },
    });
    expect(titles(s, "todo")).toEqual(["c2", "c1"]);
    s = boardReducer(s, { type: "rollback", id: 1 });
    expect(titles(s, "todo")).toEqual(["c1", "c2"]);
  });

  it("keeps a pending move on top of live events that arrive meanwhile", () => {
    let s = boardReducer(start(), {
      type: "optimistic",
      id: 1,
      change: { kind: "move", cardId: "c1", to: { columnId: "doing", laneId: null, index: 0 } },
    });
    s = boardReducer(s, {
      type: "events",
      events: [
        {
          seq: 11,
          kind: "card.created",
          actorId: "u2",
          cardId: "c9",
          payload: { cards: [card("c9", "doing", "Zz")] },
          createdAt: "2026-01-01T00:00:00.000Z",
        },
      ],
    });
    expect(s.base.seq).toBe(11);
    expect(titles(s, "doing")).toEqual(["c1", "c9", "c3"]);
  });

  it("skips events it already holds", () => {
    const event = {
      seq: 10,
      kind: "card.moved" as const,
      actorId: "u2",
      cardId: "c1",
      payload: { cards: [card("c1", "doing", "a5", { version: 9 })] },
      createdAt: "2026-01-01T00:00:00.000Z",
    };
    const s = boardReducer(start(), { type: "events", events: [event] });
    expect(titles(s, "todo")).toEqual(["c1", "c2"]);
  });

  it("shows removals, new cards and column moves while pending", () => {
    let s = boardReducer(start(), { type: "optimistic", id: 1, change: { kind: "remove-card", cardId: "c2" } });
    s = boardReducer(s, {
      type: "optimistic",
      id: 2,
      change: { kind: "add-card", card: card("tmp", "todo", "a5"), known: new Set() },
    });
    s = boardReducer(s, { type: "optimistic", id: 3, change: { kind: "move-column", columnId: "doing", index: 0 } });
    expect(titles(s, "todo")).toEqual(["c1", "tmp"]);
    expect(boardView(s).columns.map((c) => c.id)).toEqual(["doing", "todo"]);
  });
});

describe("board order", () => {
  it("puts a key between neighbours, stepping over equal keys", () => {
    const k = keyAt(
      [
        { id: "x", position: "a0" },
        { id: "y", position: "a0" },
        { id: "z", position: "a2" },
      ],
      1,
    );
    expect(k > "a0" && k < "a2").toBe(true);
    expect(keyAt([], 5)).toBe("a0");
  });

  it("says where a card is", () => {
    expect(positionOf(board(), "c2")).toEqual({ index: 1, count: 2, key: { columnId: "todo", laneId: null } });
    expect(positionOf(board(), "nope")).toBeNull();
  });
});

describe("fullIndex", () => {
  const full = [{ id: "a" }, { id: "b" }, { id: "c" }, { id: "d" }];
  it("maps a drop among the shown cards to the whole list", () => {
    const visible = [{ id: "b" }, { id: "d" }];
    expect(fullIndex(full, visible, 0)).toBe(1);
    expect(fullIndex(full, visible, 1)).toBe(3);
    // After the last shown card, not at the very end.
    expect(fullIndex(full, [{ id: "b" }], 1)).toBe(2);
    expect(fullIndex(full, [], 0)).toBe(4);
    expect(fullIndex(full, full, 2)).toBe(2);
  });
});

describe("a new card's stand-in", () => {
  it("steps aside when the real card arrives first (by a live event)", () => {
    const standIn = card("pending-1", "todo", "a9", { title: "Restock" });
    const known = new Set(start().base.cards.map((c) => c.id));
    let s = boardReducer(start(), { type: "optimistic", id: 1, change: { kind: "add-card", card: standIn, known } });
    expect(titles(s, "todo")).toEqual(["c1", "c2", "pending-1"]);
    s = boardReducer(s, {
      type: "events",
      events: [
        {
          seq: 11,
          kind: "card.created",
          actorId: "u1",
          cardId: "c9",
          payload: { cards: [card("c9", "todo", "a5", { title: "Restock" })] },
          createdAt: "2026-01-01T10:00:01.000Z",
        },
      ],
    });
    expect(titles(s, "todo")).toEqual(["c1", "c2", "c9"]);
    // A card of the same title that was there before does not hide it.
    const older = boardReducer(
      { base: board({ cards: [card("old", "todo", "a0", { title: "Restock" })] }), pending: [] },
      { type: "optimistic", id: 1, change: { kind: "add-card", card: standIn, known: new Set(["old"]) } },
    );
    expect(titles(older, "todo")).toEqual(["old", "pending-1"]);
  });
});
