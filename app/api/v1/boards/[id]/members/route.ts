import { json, withApi } from "@/lib/api/with-api";
import { setBoardMember } from "@/lib/data/boards/board-members";
import { getBoard } from "@/lib/data/boards/get-board";

/** GET /api/v1/boards/{id}/members: the board's members with their roles, by name (`{ data }`). */
export const GET = withApi(
  async (ctx) => {
    const board = await getBoard(ctx.actor, ctx.params.id);
    return json({ data: board.members });
  },
  { permission: "board.read" },
);

/**
 * POST /api/v1/boards/{id}/members: adds `{ userId, role }` or changes that member's role (owners;
 * board.manage). 200 `{ data }` with every member; 409 when the last owner would stop being one,
 * 422 for a user who is not an active account.
 */
export const POST = withApi(
  async (ctx) => {
    const { members } = await setBoardMember(ctx.actor, ctx.params.id, await ctx.json(), ctx);
    return json({ data: members });
  },
  { permission: "board.read" },
);
