// readBoardCardHeads: a big board page's first cards of each list come with the counts its
// keyboard moves need while the rest loads; with swimlanes, each (column, lane) list's own count.
import { beforeAll, describe, expect, it } from "vitest";
import { createCard } from "@/lib/data/boards/create-card";
import { readBoardCardHeads } from "@/lib/data/boards/read-board-cards";
import { boardPeople, ctx, newBoard, type BoardPeople } from "@/lib/data/boards/boards-test-kit";

let p: BoardPeople;

beforeAll(async () => {
  p = await boardPeople();
});

describe("readBoardCardHeads", () => {
  it("counts every (column, lane) list of a board with swimlanes", async () => {
    const { id, columns, lanes } = await newBoard(p, ["A", "B"], { swimlanesEnabled: true });
    const [a, b] = [columns[0]!, columns[1]!];
    const [x, y] = [lanes[0]!, lanes[1] ?? lanes[0]!];
    for (let i = 0; i < 3; i++) await createCard(p.editor, id, { title: `AX${i}`, columnId: a, laneId: x }, ctx);
    await createCard(p.editor, id, { title: "AY", columnId: a, laneId: y }, ctx);
    for (let i = 0; i < 2; i++) await createCard(p.editor, id, { title: `BX${i}`, columnId: b, laneId: x }, ctx);

    const heads = await readBoardCardHeads(id, 1, true);
    expect(heads.cards).toHaveLength(x === y ? 2 : 3);
    const lists =
      x === y ? { [`${a}:${x}`]: 4, [`${b}:${x}`]: 2 } : { [`${a}:${x}`]: 3, [`${a}:${y}`]: 1, [`${b}:${x}`]: 2 };
    expect(heads.counts).toEqual({
      total: 6,
      columns: { [a]: 4, [b]: 2 },
      lanes: x === y ? { [x]: 6 } : { [x]: 5, [y]: 1 },
      lists,
    });
  });

  it("leaves the per-list counts out without swimlanes (a list is its column)", async () => {
    const { id, columns } = await newBoard(p);
    await createCard(p.editor, id, { title: "One", columnId: columns[0]! }, ctx);
    const heads = await readBoardCardHeads(id, 5, false);
    expect(heads.counts.lists).toBeUndefined();
    expect(heads.counts.columns).toEqual({ [columns[0]!]: 1 });
  });
});
