import { json, withApi } from "@/lib/api/with-api";
import { moveColumn } from "@/lib/data/boards/board-columns";

/** POST /api/v1/boards/{id}/columns/{columnId}/move: `{ index }` among the columns (0 = first); one row written. 200 `{ data }`. */
export const POST = withApi(
  async (ctx) => {
    const body = await ctx.json();
    const { column } = await moveColumn(ctx.actor, ctx.params.id, ctx.params.columnId, body, ctx);
    return json({ data: column });
  },
  { permission: "board.read" },
);
