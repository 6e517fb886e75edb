import { jsonRecord, withApi } from "@/lib/api/with-api";
import { moveCard } from "@/lib/data/boards/move-card";

/**
 * POST /api/v1/boards/{id}/cards/{cardId}/move: puts the card at `index` of `{ columnId, laneId? }`
 * (0 = top), or on another board the caller edits (`boardId`). 200 `{ data: { card, warnings } }`
 * with the card's new ETag: `warnings` name soft WIP limits passed; a hard one is 409 `wip_limit`
 * and nothing moves. If-Match is optional (412 when the card changed since).
 */
export const POST = withApi(
  async (ctx) => {
    const body = await ctx.json();
    const { card, warnings } = await moveCard(
      ctx.actor,
      ctx.params.id,
      ctx.params.cardId,
      body,
      ctx,
      ctx.expectedVersion(),
    );
    return jsonRecord(ctx.request, { data: { card, warnings } }, card.version);
  },
  { permission: "board.read" },
);
