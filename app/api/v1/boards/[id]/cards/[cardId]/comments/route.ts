import { json, withApi } from "@/lib/api/with-api";
import { addComment } from "@/lib/data/boards/card-comments";

/**
 * POST /api/v1/boards/{id}/cards/{cardId}/comments: comments `{ body }` (Markdown) on the card
 * (editors; a viewer only reads). 201 `{ data }` with the comment. The card's version stays.
 */
export const POST = withApi(
  async (ctx) => {
    const body = await ctx.json();
    const { comment } = await addComment(ctx.actor, ctx.params.id, ctx.params.cardId, body, ctx);
    return json({ data: comment }, { status: 201 });
  },
  { permission: "board.read" },
);
