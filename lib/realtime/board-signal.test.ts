import { describe, expect, it } from "vitest";
import { formatBoardSignal, parseBoardSignal } from "@/lib/realtime/board-signal";

describe("board signal wire form", () => {
  it("round-trips a board id and change number", () => {
    const text = formatBoardSignal({ boardId: "cm9x0abc123", seq: 42 });
    expect(text).toBe("cm9x0abc123:42");
    expect(parseBoardSignal(text)).toEqual({ boardId: "cm9x0abc123", seq: 42 });
  });

  it("ignores anything else on the channel", () => {
    for (const text of [
      "",
      "board",
      "board:",
      ":5",
      "board:0",
      "board:-1",
      "board:1.5",
      "a:b:3",
      "board:99999999999999999",
      `${"x".repeat(65)}:1`,
    ]) {
      expect(parseBoardSignal(text), text).toBeNull();
    }
  });
});
