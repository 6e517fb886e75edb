import { json, withApi } from "@/lib/api/with-api";
import { createLane } from "@/lib/data/boards/board-lanes";

/**
 * POST /api/v1/boards/{id}/lanes: adds a lane (editors; board.manage). Only on a board with swimlanes on (409 otherwise). 201 `{ data }`
 * with the lane; 409 past the board's limit of lanes, 422 per field.
 */
export const POST = withApi(
  async (ctx) => {
    const { lane } = await createLane(ctx.actor, ctx.params.id, await ctx.json(), ctx);
    return json({ data: lane }, { status: 201 });
  },
  { permission: "board.read" },
);
