import { json, jsonRecord, withApi } from "@/lib/api/with-api";
import { deleteProduct } from "@/lib/data/products/delete-product";
import { getProduct } from "@/lib/data/products/get-product";
import { updateProduct } from "@/lib/data/products/update-product";

/** GET /api/v1/products/{id}: `{ data }` with the version as ETag (304 for a matching If-None-Match); 404 for an unknown id. */
export const GET = withApi(
  async (ctx) => {
    const product = await getProduct(ctx.actor, ctx.params.id);
    return jsonRecord(ctx.request, { data: product }, product.version);
  },
  { permission: "products.read" },
);

/**
 * PATCH /api/v1/products/{id}: changes the fields sent (integer minor units, basis points). Send
 * If-Match with the ETag you read: a product changed since answers 412. 409 for a taken SKU.
 */
export const PATCH = withApi(
  async (ctx) => {
    const body = await ctx.json();
    const { product } = await updateProduct(ctx.actor, ctx.params.id, body, ctx, ctx.expectedVersion());
    return jsonRecord(ctx.request, { data: product }, product.version);
  },
  { permission: "products.write" },
);

/**
 * DELETE /api/v1/products/{id}: deletes the product, or archives it when it was ever sold (its sale
 * lines keep naming it). 200 `{ data: { id, outcome: "deleted" | "archived" } }` says which;
 * If-Match as for PATCH.
 */
export const DELETE = withApi(
  async (ctx) => {
    const result = await deleteProduct(ctx.actor, ctx.params.id, ctx, ctx.expectedVersion());
    const data = { id: result.id, outcome: result.outcome };
    return result.outcome === "archived" ? jsonRecord(ctx.request, { data }, result.product.version) : json({ data });
  },
  { permission: "products.write" },
);
