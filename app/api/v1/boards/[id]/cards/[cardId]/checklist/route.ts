import { jsonRecord, withApi } from "@/lib/api/with-api";
import { addChecklistItem } from "@/lib/data/boards/card-checklist";

/**
 * POST /api/v1/boards/{id}/cards/{cardId}/checklist: adds `{ text, done? }` at the end of the card's
 * checklist (editors). 201 `{ data: { item, checklist, card } }`; the card's version moves on (its
 * checklist counts change), so the ETag is the card's new one.
 */
export const POST = withApi(
  async (ctx) => {
    const body = await ctx.json();
    const { item, checklist, card } = await addChecklistItem(ctx.actor, ctx.params.id, ctx.params.cardId, body, ctx);
    return jsonRecord(ctx.request, { data: { item, checklist, card } }, card.version, { status: 201 });
  },
  { permission: "board.read" },
);
