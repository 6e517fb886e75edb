import { describe, expect, it } from "vitest";
import {
  cardDropped,
  cardOver,
  cardPickedUp,
  columnDropped,
  columnOver,
  columnPickedUp,
} from "@/components/board/announcements";

const doing = { columnName: "Doing", laneName: null, index: 1, count: 5 };

describe("drag announcements", () => {
  it("name the card, the column and a 1-based position on pick-up", () => {
    expect(cardPickedUp("Restock", doing)).toBe("Picked up card “Restock”, position 2 of 5 in “Doing”.");
    expect(cardPickedUp("Restock", { ...doing, laneName: "Ops" })).toBe(
      "Picked up card “Restock”, position 2 of 5 in “Doing”, lane “Ops”.",
    );
  });

  it("follow the card while it moves, and say when it is over nothing", () => {
    expect(cardOver("Restock", { columnName: "Done", laneName: null, index: 0, count: 3 })).toBe(
      "Card “Restock”: position 1 of 3 in “Done”.",
    );
    expect(cardOver("Restock", null)).toMatch(/not over a column/);
  });

  it("tell a drop within the column, across columns, in place and a cancel apart", () => {
    expect(cardDropped("Restock", doing, { ...doing, index: 3 }, "DROP")).toBe(
      "Dropped card “Restock” at position 4 of 5 in “Doing”. It was at position 2.",
    );
    expect(cardDropped("Restock", doing, { columnName: "Done", laneName: null, index: 0, count: 3 }, "DROP")).toBe(
      "Moved card “Restock” from “Doing” to position 1 of 3 in “Done”.",
    );
    expect(cardDropped("Restock", doing, doing, "DROP")).toMatch(/dropped where it was/);
    expect(cardDropped("Restock", doing, { ...doing, index: 4 }, "CANCEL")).toBe(
      "Move cancelled. Card “Restock” is back at position 2 of 5 in “Doing”.",
    );
    expect(cardDropped("Restock", doing, null, "DROP")).toMatch(/^Move cancelled/);
  });

  it("describe columns being reordered", () => {
    expect(columnPickedUp("Doing", 1, 4)).toMatch(/^Picked up column “Doing”, position 2 of 4\./);
    expect(columnOver("Doing", 3, 4)).toBe("Column “Doing”: position 4 of 4.");
    expect(columnOver("Doing", null, 4)).toMatch(/not over the board/);
    expect(columnDropped("Doing", 1, 3, 4, "DROP")).toBe("Moved column “Doing” from position 2 to position 4 of 4.");
    expect(columnDropped("Doing", 1, 1, 4, "DROP")).toMatch(/where it was/);
    expect(columnDropped("Doing", 1, 2, 4, "CANCEL")).toMatch(/^Move cancelled/);
  });
});
