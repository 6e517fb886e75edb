import { withApi } from "@/lib/api/with-api";
import { csvResponse } from "@/lib/csv/csv-export";
import { exportProducts } from "@/lib/data/products/export-products";
import { parseProductListQueryStrict } from "@/lib/validations/product-list-query";

/**
 * GET /api/v1/products/export?sort=&q=&active=&archived=&low_stock=: every product matching the
 * filter as text/csv, streamed page by page. The first columns are the import's (money as decimal
 * text in the product's currency, tax as percent), so a file can be edited and imported again; the
 * integer fields the JSON API speaks follow. `cursor` and `limit` are ignored. Audited. The
 * "Export CSV" link on /records/products points here.
 */
export const GET = withApi(
  async (ctx) => {
    const params = new URLSearchParams(ctx.searchParams);
    params.delete("cursor");
    params.delete("limit");
    const query = parseProductListQueryStrict(params);
    return csvResponse(await exportProducts(ctx.actor, query, ctx));
  },
  { permission: "products.read", sameOriginReads: true },
);
