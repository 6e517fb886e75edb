import { json, withApi } from "@/lib/api/with-api";
import { deleteLane, updateLane } from "@/lib/data/boards/board-lanes";

/** PATCH /api/v1/boards/{id}/lanes/{laneId}: changes the fields sent (editors; board.manage). 200 `{ data }`. */
export const PATCH = withApi(
  async (ctx) => {
    const body = await ctx.json();
    const { lane } = await updateLane(ctx.actor, ctx.params.id, ctx.params.laneId, body, ctx);
    return json({ data: lane });
  },
  { permission: "board.read" },
);

/** DELETE /api/v1/boards/{id}/lanes/{laneId}: deletes an empty lane (409 while it holds cards). 204. */
export const DELETE = withApi(
  async (ctx) => {
    await deleteLane(ctx.actor, ctx.params.id, ctx.params.laneId, ctx);
    return new Response(null, { status: 204 });
  },
  { permission: "board.read" },
);
