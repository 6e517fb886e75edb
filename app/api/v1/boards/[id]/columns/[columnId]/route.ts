import { json, withApi } from "@/lib/api/with-api";
import { deleteColumn, updateColumn } from "@/lib/data/boards/board-columns";

/** PATCH /api/v1/boards/{id}/columns/{columnId}: changes the fields sent (editors; board.manage). 200 `{ data }`. */
export const PATCH = withApi(
  async (ctx) => {
    const body = await ctx.json();
    const { column } = await updateColumn(ctx.actor, ctx.params.id, ctx.params.columnId, body, ctx);
    return json({ data: column });
  },
  { permission: "board.read" },
);

/** DELETE /api/v1/boards/{id}/columns/{columnId}: deletes an empty column (409 while it holds cards). 204. */
export const DELETE = withApi(
  async (ctx) => {
    await deleteColumn(ctx.actor, ctx.params.id, ctx.params.columnId, ctx);
    return new Response(null, { status: 204 });
  },
  { permission: "board.read" },
);
