import { jsonRecord, withApi } from "@/lib/api/with-api";
import { removeChecklistItem, updateChecklistItem } from "@/lib/data/boards/card-checklist";

/** PATCH …/checklist/{itemId}: ticks or rewords the item. 200 `{ data: { item, checklist, card } }`, the card's new ETag. */
export const PATCH = withApi(
  async (ctx) => {
    const body = await ctx.json();
    const { item, checklist, card } = await updateChecklistItem(
      ctx.actor,
      ctx.params.id,
      ctx.params.cardId,
      ctx.params.itemId,
      body,
      ctx,
    );
    return jsonRecord(ctx.request, { data: { item, checklist, card } }, card.version);
  },
  { permission: "board.read" },
);

/** DELETE …/checklist/{itemId}: removes the item (editors). 204. */
export const DELETE = withApi(
  async (ctx) => {
    await removeChecklistItem(ctx.actor, ctx.params.id, ctx.params.cardId, ctx.params.itemId, ctx);
    return new Response(null, { status: 204 });
  },
  { permission: "board.read" },
);
