import { json, withApi } from "@/lib/api/with-api";
import { createLabel } from "@/lib/data/boards/board-labels";

/** POST /api/v1/boards/{id}/labels: adds `{ name, color }` (editors; board.manage). 201 `{ data }`; 409 for a name in use. */
export const POST = withApi(
  async (ctx) => {
    const { label } = await createLabel(ctx.actor, ctx.params.id, await ctx.json(), ctx);
    return json({ data: label }, { status: 201 });
  },
  { permission: "board.read" },
);
