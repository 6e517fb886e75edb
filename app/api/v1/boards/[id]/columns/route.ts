import { json, withApi } from "@/lib/api/with-api";
import { createColumn } from "@/lib/data/boards/board-columns";

/**
 * POST /api/v1/boards/{id}/columns: adds a column (editors; board.manage). 201 `{ data }`
 * with the column; 409 past the board's limit of columns, 422 per field.
 */
export const POST = withApi(
  async (ctx) => {
    const { column } = await createColumn(ctx.actor, ctx.params.id, await ctx.json(), ctx);
    return json({ data: column }, { status: 201 });
  },
  { permission: "board.read" },
);
