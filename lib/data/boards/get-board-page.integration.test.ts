// The board page's read of a big board (get-board.ts getBoardForPage): only the first cards of
// each list, in board order, with the counts of all of them; a small board comes whole.
import { beforeAll, describe, expect, it } from "vitest";
import { createCard } from "@/lib/data/boards/create-card";
import { getBoard, getBoardForPage } from "@/lib/data/boards/get-board";
import { moveCard } from "@/lib/data/boards/move-card";
import { boardPeople, ctx, newBoard, type BoardPeople } from "@/lib/data/boards/boards-test-kit";

let p: BoardPeople;

beforeAll(async () => {
  p = await boardPeople();
});

describe("the board page's read", () => {
  it("carries a big board's first cards of each list, in order, with the counts of all", async () => {
    const { id, columns } = await newBoard(p);
    const [a, b] = [columns[0]!, columns[1]!];
    const made: string[] = [];
    for (let i = 0; i < 5; i++)
      made.push((await createCard(p.editor, id, { title: `A${i}`, columnId: a }, ctx)).card.id);
    for (let i = 0; i < 2; i++) await createCard(p.editor, id, { title: `B${i}`, columnId: b }, ctx);
    // A card moved to the top of its list comes first (board order, not creation order).
    const last = (await getBoard(p.viewer, id)).cards.find((c) => c.id === made[4])!;
    await moveCard(p.editor, id, made[4]!, { columnId: a, laneId: null, index: 0 }, ctx, last.version);

    const whole = await getBoard(p.viewer, id);
    const page = await getBoardForPage(p.viewer, id, 3, 2);
    expect(page.cardsDeferred).toBe(true);
    const inList = (cards: { columnId: string; title: string }[], column: string) =>
      cards.filter((c) => c.columnId === column).map((c) => c.title);
    expect(inList(page.board.cards, a)).toEqual(inList(whole.cards, a).slice(0, 2));
    expect(inList(page.board.cards, a)).toEqual(["A4", "A0"]);
    expect(inList(page.board.cards, b)).toEqual(["B0", "B1"]);
    expect(page.counts).toEqual({ total: 7, columns: { [a]: 5, [b]: 2 }, lanes: {} });
    expect(page.board.columns).toEqual(whole.columns);

    const small = await getBoardForPage(p.viewer, id, 100, 2);
    expect(small.cardsDeferred).toBe(false);
    expect(small.counts).toBeNull();
    expect(small.board.cards).toEqual(whole.cards);
  });

  it("with swimlanes, takes the first cards of each column's lane", async () => {
    const { id, columns, lanes } = await newBoard(p, ["A", "B"], { swimlanesEnabled: true });
    expect(lanes.length).toBeGreaterThan(0);
    const lane = lanes[0]!;
    const other = lanes[1] ?? null;
    for (let i = 0; i < 3; i++)
      await createCard(p.editor, id, { title: `L${i}`, columnId: columns[0]!, laneId: lane }, ctx);
    if (other)
      for (let i = 0; i < 3; i++)
        await createCard(p.editor, id, { title: `M${i}`, columnId: columns[0]!, laneId: other }, ctx);
    const page = await getBoardForPage(p.viewer, id, 1, 1);
    expect(page.cardsDeferred).toBe(true);
    expect(page.board.cards.map((c) => c.title).sort()).toEqual(other ? ["L0", "M0"] : ["L0"]);
    expect(page.counts?.columns[columns[0]!]).toBe(other ? 6 : 3);
    expect(page.counts?.lanes[lane]).toBe(3);
  });

  it("refuses a non-member as the board read does", async () => {
    const { id } = await newBoard(p);
    await expect(getBoardForPage(p.outsider, id, 200, 12)).rejects.toThrow();
  });
});
