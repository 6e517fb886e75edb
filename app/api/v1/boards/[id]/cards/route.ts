import { json, jsonRecord, withApi } from "@/lib/api/with-api";
import { createCard } from "@/lib/data/boards/create-card";
import { listBoardCards } from "@/lib/data/boards/list-board-cards";

/**
 * GET /api/v1/boards/{id}/cards?q=&assignee=&label=&due=&priority=&archived=: the board's cards
 * matching the filters, in board order (the archive, `archived=true`, newest archived first),
 * whole: `{ data }` without a cursor, at most 5,000 cards. 422 names each invalid filter.
 */
export const GET = withApi(
  async (ctx) => {
    const cards = await listBoardCards(ctx.actor, ctx.params.id, Object.fromEntries(ctx.searchParams));
    return json({ data: cards });
  },
  { permission: "board.read" },
);

/**
 * POST /api/v1/boards/{id}/cards: a new card in `columnId` (and `laneId` on a board with swimlanes)
 * at `index` (default the bottom). 201 `{ data: { card, warnings } }` with the card's ETag and
 * Location; a hard WIP limit is 409 `wip_limit`, a soft one a warning.
 */
export const POST = withApi(
  async (ctx) => {
    const { card, warnings } = await createCard(ctx.actor, ctx.params.id, await ctx.json(), ctx);
    return jsonRecord(ctx.request, { data: { card, warnings } }, card.version, {
      status: 201,
      headers: { Location: `/api/v1/boards/${card.boardId}/cards/${card.id}` },
    });
  },
  { permission: "board.read" },
);
