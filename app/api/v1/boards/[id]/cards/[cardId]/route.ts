import { json, jsonRecord, withApi } from "@/lib/api/with-api";
import { etagOf } from "@/lib/api/etag";
import { deleteCard } from "@/lib/data/boards/delete-card";
import { getCard } from "@/lib/data/boards/get-card";
import { updateCard } from "@/lib/data/boards/update-card";

/**
 * GET /api/v1/boards/{id}/cards/{cardId}: the card with its checklist, comments and history; 404
 * for a card of another board. The ETag is the card's version, for If-Match on its writes. A new
 * comment leaves that version as it is (an edit open elsewhere is not refused for it), so this
 * answer is never a 304: the version alone cannot say the comments are unchanged.
 */
export const GET = withApi(
  async (ctx) => {
    const detail = await getCard(ctx.actor, ctx.params.id, ctx.params.cardId);
    return json({ data: detail }, { headers: { ETag: etagOf(detail.card.version) } });
  },
  { permission: "board.read" },
);

/**
 * PATCH /api/v1/boards/{id}/cards/{cardId}: changes the fields sent (null clears an optional one;
 * labelIds and assigneeIds replace the sets). If-Match with the card's ETag: 412 when it changed
 * since. 200 `{ data }` with the card and its new ETag. The edit can be undone (POST …/undo).
 */
export const PATCH = withApi(
  async (ctx) => {
    const body = await ctx.json();
    const { card } = await updateCard(ctx.actor, ctx.params.id, ctx.params.cardId, body, ctx, ctx.expectedVersion());
    return jsonRecord(ctx.request, { data: card }, card.version);
  },
  { permission: "board.read" },
);

/** DELETE /api/v1/boards/{id}/cards/{cardId}: deletes an archived card (409 for an open one: archive it first). 204. */
export const DELETE = withApi(
  async (ctx) => {
    await deleteCard(ctx.actor, ctx.params.id, ctx.params.cardId, ctx);
    return new Response(null, { status: 204 });
  },
  { permission: "board.read" },
);
