import { jsonRecord, withApi } from "@/lib/api/with-api";
import { jsonList } from "@/lib/api/list-response";
import { createProduct } from "@/lib/data/products/create-product";
import { listProducts } from "@/lib/data/products/list-products";
import { parseProductListQueryStrict } from "@/lib/validations/product-list-query";

/**
 * GET /api/v1/products?limit=&cursor=&sort=&q=&active=&archived=&low_stock=&total=true: one keyset
 * page of products (`{ data, next_cursor, total? }`). `sort` is name (default), sku, createdAt,
 * unitPrice or stock ("-" for descending); `active` yes|no; `archived` no (default)|yes|all;
 * `low_stock=yes` keeps stock ≤ lowStockThreshold; `q` searches SKU and name. Money is integer
 * minor units of each product's `currency`. 422 names each invalid parameter.
 */
export const GET = withApi(
  async (ctx) => {
    const query = parseProductListQueryStrict(ctx.searchParams);
    const page = await listProducts(ctx.actor, query);
    return jsonList(page.items, { nextCursor: page.nextCursor, total: page.total });
  },
  { permission: "products.read" },
);

/**
 * POST /api/v1/products: creates a product from `{ sku, name, unitPrice, currency, … }` (money in
 * integer minor units, tax rate in basis points). 201 `{ data }` with ETag and Location; 409 naming
 * `sku` when it is taken (case-insensitive); 422 per field.
 */
export const POST = withApi(
  async (ctx) => {
    const product = await createProduct(ctx.actor, await ctx.json(), ctx);
    return jsonRecord(ctx.request, { data: product }, product.version, {
      status: 201,
      headers: { Location: `/api/v1/products/${product.id}` },
    });
  },
  { permission: "products.write" },
);
