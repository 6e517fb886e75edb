import { json, withApi } from "@/lib/api/with-api";
import { BodyError, readLimitedBody } from "@/lib/api/read-limited-body";
import { CSV_IMPORT_LIMITS } from "@/lib/csv/csv-import";
import { importProducts, previewProductImport } from "@/lib/data/products/import-products";
import { ValidationError } from "@/lib/errors";

async function readCsv(request: Request): Promise<string> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^text\/(csv|plain)\b/i.test(type)) {
    throw new BodyError("unsupported_media_type", 415, "Send the file as Content-Type: text/csv.");
  }
  try {
    return await readLimitedBody(request, CSV_IMPORT_LIMITS.maxBytes);
  } catch (error) {
    if (error instanceof BodyError && error.code === "invalid_json") {
      throw new BodyError("invalid_encoding", 400, "The file is not UTF-8 text.");
    }
    throw error;
  }
}

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
    const dryRunParam = ctx.searchParams.get("dry_run");
    if (dryRunParam !== null && dryRunParam !== "true" && dryRunParam !== "false") {
      throw new ValidationError({ dry_run: ["dry_run is true or false."] });
    }
    const csv = await readCsv(ctx.request);
    if (dryRunParam === "true") return json({ data: await previewProductImport(ctx.actor, { csv }) });
    return json({ data: await importProducts(ctx.actor, { csv }, ctx) }, { status: 201 });
  },
  { permission: "products.write" },
);
