import { json, withApi } from "@/lib/api/with-api";
import { removeBoardMember } from "@/lib/data/boards/board-members";

/**
 * DELETE /api/v1/boards/{id}/members/{userId}: takes someone off the board (owners; board.manage),
 * and off its cards' assignees. 200 `{ data }` with the members left; 409 for the last owner, 404
 * for someone who is not a member.
 */
export const DELETE = withApi(
  async (ctx) => {
    const { members } = await removeBoardMember(ctx.actor, ctx.params.id, ctx.params.userId, ctx);
    return json({ data: members });
  },
  { permission: "board.read" },
);
