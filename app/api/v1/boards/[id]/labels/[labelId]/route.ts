import { json, withApi } from "@/lib/api/with-api";
import { deleteLabel, updateLabel } from "@/lib/data/boards/board-labels";

/** PATCH /api/v1/boards/{id}/labels/{labelId}: renames or recolours the label. 200 `{ data }`; 409 for a name in use. */
export const PATCH = withApi(
  async (ctx) => {
    const body = await ctx.json();
    const { label } = await updateLabel(ctx.actor, ctx.params.id, ctx.params.labelId, body, ctx);
    return json({ data: label });
  },
  { permission: "board.read" },
);

/** DELETE /api/v1/boards/{id}/labels/{labelId}: deletes the label; the cards carrying it lose it. 204. */
export const DELETE = withApi(
  async (ctx) => {
    await deleteLabel(ctx.actor, ctx.params.id, ctx.params.labelId, ctx);
    return new Response(null, { status: 204 });
  },
  { permission: "board.read" },
);
