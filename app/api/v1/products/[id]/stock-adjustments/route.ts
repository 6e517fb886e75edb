import { jsonRecord, withApi } from "@/lib/api/with-api";
import { adjustStock } from "@/lib/data/products/adjust-stock";

/**
 * POST /api/v1/products/{id}/stock-adjustments: moves stock by `{ delta, reason }` (a delivery +24,
 * breakage -2). Applied to the stock at that moment, so it composes with concurrent sales; 422
 * naming `delta` when stock would go below zero. If-Match is optional (the change is a delta).
 * 200 `{ data }` with the product and its new ETag.
 */
export const POST = withApi(
  async (ctx) => {
    const body = await ctx.json();
    const product = await adjustStock(ctx.actor, ctx.params.id, body, ctx, ctx.expectedVersion());
    return jsonRecord(ctx.request, { data: product }, product.version);
  },
  { permission: "products.write" },
);
