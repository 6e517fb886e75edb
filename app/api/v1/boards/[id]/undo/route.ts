import { jsonRecord, withApi } from "@/lib/api/with-api";
import { undoCardChange } from "@/lib/data/boards/undo-card-change";

/**
 * POST /api/v1/boards/{id}/undo: reverts the caller's latest undoable card change on the board (a
 * move, an edit, an archive or restore, a new card), from the server's operation log; repeated
 * calls walk back further. 200 `{ data: { card, undone, warnings } }` (`undone`: "move", "edit", …);
 * 409 when there is nothing to undo or someone else has changed that card since.
 */
export const POST = withApi(
  async (ctx) => {
    const { card, undone, warnings } = await undoCardChange(ctx.actor, ctx.params.id, ctx);
    return jsonRecord(ctx.request, { data: { card, undone, warnings } }, card.version);
  },
  { permission: "board.read" },
);
