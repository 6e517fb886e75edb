import { jsonRecord, withApi } from "@/lib/api/with-api";
import { setBoardArchived } from "@/lib/data/boards/set-board-archived";

/**
 * POST /api/v1/boards/{id}/archive: makes the board read-only and lists it apart (GET /api/v1/boards?archived=true);
 * restoring undoes it. Owners; board.manage.
 * 200 `{ data }` with the board's settings, their version as ETag.
 */
export const POST = withApi(
  async (ctx) => {
    const { board } = await setBoardArchived(ctx.actor, ctx.params.id, true, ctx);
    return jsonRecord(ctx.request, { data: board }, board.version);
  },
  { permission: "board.read" },
);
