import { jsonRecord, withApi } from "@/lib/api/with-api";
import { getBoard } from "@/lib/data/boards/get-board";
import { deleteBoard } from "@/lib/data/boards/set-board-archived";
import { updateBoard } from "@/lib/data/boards/update-board";

/**
 * GET /api/v1/boards/{id}: the board with its columns, lanes, labels, members and open cards, in
 * order. The ETag is the board's change number (`seq`), so any change to the board, a card moved
 * by anyone included, makes it stale; If-None-Match with it answers 304. 404 for a board the
 * caller is not a member of (board.manage sees every board).
 */
export const GET = withApi(
  async (ctx) => {
    const board = await getBoard(ctx.actor, ctx.params.id);
    return jsonRecord(ctx.request, { data: board }, board.seq);
  },
  { permission: "board.read" },
);

/**
 * PATCH /api/v1/boards/{id}: changes the board's own fields (owners; board.manage). If-Match names
 * the board's `version` (the GET's ETag is its change number, which every card move changes, so a
 * rename is not refused for someone else's move): 412 when the settings changed since. 200
 * `{ data }` with the settings and their version as ETag.
 */
export const PATCH = withApi(
  async (ctx) => {
    const body = await ctx.json();
    const { board } = await updateBoard(ctx.actor, ctx.params.id, body, ctx, ctx.expectedVersion());
    return jsonRecord(ctx.request, { data: board }, board.version);
  },
  { permission: "board.read" },
);

/**
 * DELETE /api/v1/boards/{id}: deletes an archived board with everything on it (owners;
 * board.manage); 409 for a board that is not archived. 204.
 */
export const DELETE = withApi(
  async (ctx) => {
    await deleteBoard(ctx.actor, ctx.params.id, ctx);
    return new Response(null, { status: 204 });
  },
  { permission: "board.read" },
);
