import { z } from "zod";
import { json, jsonRecord, withApi } from "@/lib/api/with-api";
import { createBoard } from "@/lib/data/boards/create-board";
import { getBoard } from "@/lib/data/boards/get-board";
import { listBoards } from "@/lib/data/boards/list-boards";
import { parseOrThrow } from "@/lib/validations/parse";

const listQuery = z.object({
  archived: z.enum(["true", "false"], { error: "archived is true or false." }).optional(),
});

/**
 * GET /api/v1/boards?archived=true|false: the boards the caller is a member of (every board with
 * board.manage), open ones by default, archived ones with archived=true; `{ data }`, at most 500,
 * by name. Each summary carries the caller's role there.
 */
export const GET = withApi(
  async (ctx) => {
    const query = parseOrThrow(listQuery, Object.fromEntries(ctx.searchParams));
    return json({ data: await listBoards(ctx.actor, { archived: query.archived === "true" }) });
  },
  { permission: "board.read" },
);

/**
 * POST /api/v1/boards: a new board (board.write), the caller its owner, with the columns named
 * (default To do, Doing, Done). 201 `{ data }` with the whole board as GET answers it, its change
 * number as ETag, and Location.
 */
export const POST = withApi(
  async (ctx) => {
    const { id } = await createBoard(ctx.actor, await ctx.json(), ctx);
    const board = await getBoard(ctx.actor, id);
    return jsonRecord(ctx.request, { data: board }, board.seq, {
      status: 201,
      headers: { Location: `/api/v1/boards/${board.id}` },
    });
  },
  { permission: "board.read" },
);
