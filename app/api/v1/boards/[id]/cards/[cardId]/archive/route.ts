import { jsonRecord, withApi } from "@/lib/api/with-api";
import { setCardArchived } from "@/lib/data/boards/set-card-archived";

/**
 * POST /api/v1/boards/{id}/cards/{cardId}/archive: takes the card off the board (the archive lists it,
 * GET …/cards?archived=true); it keeps its place for a restore. A no-op on an archived card.
 * 200 `{ data: { card, warnings } }` with the card's ETag; If-Match optional (412 when stale).
 */
export const POST = withApi(
  async (ctx) => {
    const { card, warnings } = await setCardArchived(
      ctx.actor,
      ctx.params.id,
      ctx.params.cardId,
      true,
      ctx,
      ctx.expectedVersion(),
    );
    return jsonRecord(ctx.request, { data: { card, warnings } }, card.version);
  },
  { permission: "board.read" },
);
