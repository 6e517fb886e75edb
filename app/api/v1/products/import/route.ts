import { json, withApi } from "@/lib/api/with-api";
import { readCsvImport } from "@/lib/api/read-csv-import";
import { importProducts, previewProductImport } from "@/lib/data/products/import-products";

/**
 * POST /api/v1/products/import[?dry_run=true]: a products CSV (Content-Type: text/csv; header row
 * with sku, name, unit_price, currency and any of description, unit_cost, tax_rate_percent, stock,
 * low_stock_threshold, active). Money is decimal text in the row's currency ("12.50"), the tax rate
 * percent ("8.25"). With dry_run=true: 200 `{ data }` previewing every row, nothing written.
 * Without: every row is created in one transaction (201 `{ data: { created, skus } }`) or, if any
 * row has a problem, none: 422 whose `errors` name `rows[<row>].<column>` (spreadsheet rows; the
 * header is row 1) or `file`.
 */
export const POST = withApi(
  async (ctx) => {
    const { csv, dryRun } = await readCsvImport(ctx.request, ctx.searchParams);
    if (dryRun) return json({ data: await previewProductImport(ctx.actor, { csv }) });
    return json({ data: await importProducts(ctx.actor, { csv }, ctx) }, { status: 201 });
  },
  { permission: "products.write" },
);
