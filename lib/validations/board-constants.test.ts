// The zod-free constants the board page loads first are the ones the schemas validate with.
import { describe, expect, it } from "vitest";
import * as plain from "@/lib/validations/board-constants";
import * as schemas from "@/lib/validations/board";

describe("board constants", () => {
  it("equal the schemas' limits and value lists", () => {
    expect(plain.BOARD_LIMITS).toEqual(schemas.BOARD_LIMITS);
    expect(plain.BOARD_COLORS).toEqual(schemas.BOARD_COLORS);
    expect(plain.CARD_PRIORITIES).toEqual(schemas.CARD_PRIORITIES);
    expect(plain.WIP_MODES).toEqual(schemas.WIP_MODES);
  });
});
