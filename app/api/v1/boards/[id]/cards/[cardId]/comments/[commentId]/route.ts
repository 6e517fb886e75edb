import { withApi } from "@/lib/api/with-api";
import { deleteComment } from "@/lib/data/boards/card-comments";

/** DELETE …/comments/{commentId}: its author (while an editor) or an owner of the board deletes it; 403 otherwise. 204. */
export const DELETE = withApi(
  async (ctx) => {
    await deleteComment(ctx.actor, ctx.params.id, ctx.params.cardId, ctx.params.commentId, ctx);
    return new Response(null, { status: 204 });
  },
  { permission: "board.read" },
);
