import { describe, expect, it } from "vitest";
import { countsAfterMove, listTotal, type BoardCardCounts } from "@/components/board/board-counts";

const counts: BoardCardCounts = {
  total: 30,
  columns: { a: 20, b: 10 },
  lanes: { x: 18, y: 12 },
  lists: { "a:x": 12, "a:y": 8, "b:x": 6, "b:y": 4 },
};

describe("a loading board's counts", () => {
  it("give a list's length: the column's without swimlanes, the list's with them", () => {
    expect(listTotal(counts, { columnId: "a", laneId: "y" }, false)).toBe(20);
    expect(listTotal(counts, { columnId: "a", laneId: "y" }, true)).toBe(8);
    expect(listTotal(counts, { columnId: "c", laneId: null }, false)).toBe(0);
    expect(listTotal({ ...counts, lists: undefined }, { columnId: "a", laneId: "y" }, true)).toBeNull();
    expect(listTotal(null, { columnId: "a", laneId: null }, false)).toBeNull();
  });

  it("follow a move from one list to another, and stay as they are within a list", () => {
    const moved = countsAfterMove(counts, { columnId: "a", laneId: "x" }, { columnId: "b", laneId: "y" }, true);
    expect(moved).toEqual({
      total: 30,
      columns: { a: 19, b: 11 },
      lanes: { x: 17, y: 13 },
      lists: { "a:x": 11, "a:y": 8, "b:x": 6, "b:y": 5 },
    });
    expect(counts.columns.a).toBe(20);
    expect(countsAfterMove(counts, { columnId: "a", laneId: null }, { columnId: "a", laneId: null }, false)).toBe(
      counts,
    );
    const across = countsAfterMove(counts, { columnId: "a", laneId: null }, { columnId: "b", laneId: null }, false);
    expect(across.columns).toEqual({ a: 19, b: 11 });
    expect(across.lanes).toEqual(counts.lanes);
    const away = countsAfterMove(counts, { columnId: "b", laneId: "y" }, null, true);
    expect(away).toEqual({
      total: 29,
      columns: { a: 20, b: 9 },
      lanes: { x: 18, y: 11 },
      lists: { "a:x": 12, "a:y": 8, "b:x": 6, "b:y": 3 },
    });
  });
});
