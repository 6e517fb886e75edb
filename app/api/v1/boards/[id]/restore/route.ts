import { jsonRecord, withApi } from "@/lib/api/with-api";
import { setBoardArchived } from "@/lib/data/boards/set-board-archived";

/**
 * POST /api/v1/boards/{id}/restore: makes an archived board writable and listed again. Owners;
 * board.manage.
 * 200 `{ data }` with the board's settings, their version as ETag.
 */
export const POST = withApi(
  async (ctx) => {
    const { board } = await setBoardArchived(ctx.actor, ctx.params.id, false, ctx);
    return jsonRecord(ctx.request, { data: board }, board.version);
  },
  { permission: "board.read" },
);
