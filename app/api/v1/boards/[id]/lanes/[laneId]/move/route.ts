import { json, withApi } from "@/lib/api/with-api";
import { moveLane } from "@/lib/data/boards/board-lanes";

/** POST /api/v1/boards/{id}/lanes/{laneId}/move: `{ index }` among the lanes (0 = first); one row written. 200 `{ data }`. */
export const POST = withApi(
  async (ctx) => {
    const body = await ctx.json();
    const { lane } = await moveLane(ctx.actor, ctx.params.id, ctx.params.laneId, body, ctx);
    return json({ data: lane });
  },
  { permission: "board.read" },
);
