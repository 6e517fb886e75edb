import { jsonRecord, withApi } from "@/lib/api/with-api";
import { setCardArchived } from "@/lib/data/boards/set-card-archived";

/**
 * POST /api/v1/boards/{id}/cards/{cardId}/restore: puts an archived card back where it was, subject
 * to the column's hard WIP limit (409 `wip_limit`; a soft one warns). A no-op on an open card.
 * 200 `{ data: { card, warnings } }` with the card's ETag; If-Match optional (412 when stale).
 */
export const POST = withApi(
  async (ctx) => {
    const { card, warnings } = await setCardArchived(
      ctx.actor,
      ctx.params.id,
      ctx.params.cardId,
      false,
      ctx,
      ctx.expectedVersion(),
    );
    return jsonRecord(ctx.request, { data: { card, warnings } }, card.version);
  },
  { permission: "board.read" },
);
