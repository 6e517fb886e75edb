// OpenAPI operations of /api/v1/products, from the same zod schemas the routes parse with: list,
// create, get, update, delete-or-archive, CSV export and CSV import. Money is integer minor units
// of the product's `currency` everywhere in JSON (never floats); the CSV files carry decimal text
// for people and spreadsheets.
import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { errorResponses, listEnvelope, recordEnvelope } from "@/lib/api/openapi/shared";
import { etagHeaders, ifMatchSchema, ifNoneMatchSchema } from "@/lib/api/openapi/standard-headers";
import { PAGE_SIZES } from "@/lib/validations/list-query";
import {
  adjustStockSchema,
  createProductSchema,
  productDeleteResultSchema,
  productSchema,
  PRODUCT_CSV_COLUMNS,
  updateProductSchema,
} from "@/lib/validations/product";
import { PRODUCT_ARCHIVED_STATES, PRODUCT_SORT_KEYS } from "@/lib/validations/product-list-query";

const MONEY_NOTE =
  "Money is an integer number of minor units of the product's `currency` (ISO 4217): `unitPrice: 1250` with `currency: \"USD\"` is 12.50 USD; JPY has no minor unit, KWD three. Floats are refused (422). `taxRateBps` is basis points: 825 = 8.25 %.";

const filterParams = {
  sort: z
    .enum([...PRODUCT_SORT_KEYS, ...PRODUCT_SORT_KEYS.map((k) => `-${k}`)] as [string, ...string[]])
    .optional()
    .meta({ description: "A field, `-` for descending (default `name`).", example: "-unitPrice" }),
  q: z.string().max(200).optional().meta({ description: "Words that must each match the SKU or the name.", example: "tea" }),
  active: z.enum(["yes", "no"]).optional().meta({ description: "Only products for sale (`yes`) or not (`no`)." }),
  archived: z
    .enum(PRODUCT_ARCHIVED_STATES)
    .optional()
    .meta({ description: "`no` (default): not archived; `yes`: archived only; `all`: both." }),
  low_stock: z.enum(["yes"]).optional().meta({ description: "`yes`: only products with stock ≤ lowStockThreshold." }),
};

const listQuery = z.object({
  limit: z
    .enum(PAGE_SIZES.map(String) as [string, ...string[]])
    .optional()
    .meta({ description: "Page size (25 by default).", example: "25" }),
  cursor: z.string().optional().meta({ description: "`next_cursor` of the previous page." }),
  total: z.enum(["true", "false"]).optional().meta({ description: "`true` adds `total` (the number of matches)." }),
  ...filterParams,
});

const idParam = z.object({
  id: z.string().meta({ description: "The product id.", example: "{{product.id}}" }),
});

const recordResponse = (description: string) => ({
  description,
  headers: etagHeaders,
  content: { "application/json": { schema: recordEnvelope(productSchema) } },
});

const ifMatchHeader = z.object({ "If-Match": ifMatchSchema.optional() });

const rowError = z.object({
  row: z.number().int().meta({ description: "Spreadsheet row number (the header is row 1).", example: 3 }),
  field: z.string().nullable().meta({ description: "The column, or null for the whole row.", example: "unit_price" }),
  message: z.string().meta({ example: "Use at most 2 decimal places." }),
});

const importPreviewSchema = z
  .object({
    ok: z.boolean().meta({ description: "True when the file would import as it is." }),
    fileErrors: z.array(z.string()),
    errors: z.array(rowError),
    ignoredColumns: z.array(z.string()),
    total: z.number().int(),
    valid: z.number().int(),
    rows: z.array(
      z.object({
        row: z.number().int(),
        sku: z.string(),
        name: z.string(),
        product: createProductSchema.nullable().meta({ description: "The product as it would be created, in API units." }),
        errors: z.array(rowError),
      }),
    ),
  })
  .meta({ id: "ProductImportPreview" });

const importResultSchema = z
  .object({
    created: z.number().int().meta({ example: 2 }),
    skus: z.array(z.string()).meta({ example: ["TEA-GREEN-50", "MUG-LARGE"] }),
  })
  .meta({ id: "ProductImportResult" });

const CSV_EXAMPLE =
  "sku,name,unit_price,unit_cost,currency,tax_rate_percent,stock,low_stock_threshold,active\n" +
  "TEA-GREEN-50,Green tea 50 g,4.50,2.10,USD,8.25,24,5,yes\n";

export const productsPaths: ZodOpenApiPathsObject = {
  "/api/v1/products": {
    get: {
      operationId: "listProducts",
      tags: ["Products"],
      summary: "List products",
      description: `Products by name by default, with keyset pagination, sorts and filters; archived products are left out unless asked for. ${MONEY_NOTE}`,
      "x-permission": "products.read",
      requestParams: { query: listQuery },
      responses: {
        "200": {
          description: "A page of products.",
          content: { "application/json": { schema: listEnvelope(productSchema) } },
        },
        ...errorResponses(401, 403, 422),
      },
    },
    post: {
      operationId: "createProduct",
      tags: ["Products"],
      summary: "Create a product",
      description: `The SKU is stored upper-cased and must be unique (409 naming \`sku\`). ${MONEY_NOTE}`,
      "x-permission": "products.write",
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: createProductSchema,
            example: {
              sku: "TEA-EARL-100",
              name: "Earl Grey tea, 100 g",
              description: "Loose leaf, bergamot.",
              unitPrice: 1250,
              unitCost: 700,
              currency: "USD",
              taxRateBps: 825,
              stock: 40,
              lowStockThreshold: 5,
              active: true,
            },
          },
        },
      },
      responses: {
        "201": {
          description: "The new product.",
          headers: z.object({
            ETag: etagHeaders.shape.ETag,
            Location: z.string().meta({ example: "/api/v1/products/cm4product00000000000001" }),
          }),
          content: { "application/json": { schema: recordEnvelope(productSchema) } },
        },
        ...errorResponses(400, 401, 403, 409, 413, 415, 422),
      },
    },
  },
  "/api/v1/products/{id}": {
    get: {
      operationId: "getProduct",
      tags: ["Products"],
      summary: "Get a product",
      "x-permission": "products.read",
      requestParams: { path: idParam, header: z.object({ "If-None-Match": ifNoneMatchSchema.optional() }) },
      responses: {
        "200": recordResponse("The product."),
        "304": { description: "Unchanged since the ETag in If-None-Match." },
        ...errorResponses(401, 403, 404),
      },
    },
    patch: {
      operationId: "updateProduct",
      tags: ["Products"],
      summary: "Update a product",
      description:
        "Changes the fields sent; the rest stay. Send the ETag you read as If-Match: a product changed since answers 412. " +
        `\`stock\` sets the count (a stocktake); sales and refunds move it by themselves. ${MONEY_NOTE}`,
      "x-permission": "products.write",
      requestParams: { path: idParam, header: ifMatchHeader },
      requestBody: {
        required: true,
        content: { "application/json": { schema: updateProductSchema, example: { unitPrice: 1350, stock: 36 } } },
      },
      responses: {
        "200": recordResponse("The product after the change."),
        ...errorResponses(400, 401, 403, 404, 409, 412, 413, 415, 422),
      },
    },
    delete: {
      operationId: "deleteProduct",
      tags: ["Products"],
      summary: "Delete a product",
      description:
        "Deletes a product that was never sold. A product on any sale is archived instead (kept for the sales' history, no longer for sale); `outcome` says which happened.",
      "x-permission": "products.write",
      requestParams: { path: idParam, header: ifMatchHeader },
      responses: {
        "200": {
          description: "Deleted, or archived (then with the product's new ETag).",
          content: { "application/json": { schema: recordEnvelope(productDeleteResultSchema) } },
        },
        ...errorResponses(401, 403, 404, 412),
      },
    },
  },
  "/api/v1/products/{id}/stock-adjustments": {
    post: {
      operationId: "adjustProductStock",
      tags: ["Products"],
      summary: "Adjust a product's stock",
      description:
        "Moves stock by a signed `delta` with a `reason` (a delivery +24, breakage -2), applied to the stock at that moment, so it composes with sales made meanwhile. " +
        "A change that would take stock below zero is 422 naming `delta`. If-Match is optional.",
      "x-permission": "products.write",
      requestParams: { path: idParam, header: ifMatchHeader },
      requestBody: {
        required: true,
        content: { "application/json": { schema: adjustStockSchema, example: { delta: 24, reason: "Delivery from the roaster" } } },
      },
      responses: {
        "200": recordResponse("The product with its new stock."),
        ...errorResponses(400, 401, 403, 404, 412, 413, 415, 422),
      },
    },
  },
  "/api/v1/products/export": {
    get: {
      operationId: "exportProducts",
      tags: ["Products"],
      summary: "Export products as CSV",
      description:
        `Every product matching the filters, streamed as text/csv. Columns: ${PRODUCT_CSV_COLUMNS.join(", ")} (the import's: money as decimal text in the row's currency, tax as percent), then id, archived, unit_price_minor, unit_cost_minor, tax_rate_bps, created_at, updated_at. ` +
        "Cells that start with = + - @ are prefixed with ' against formula injection.",
      "x-permission": "products.read",
      requestParams: { query: z.object(filterParams) },
      responses: {
        "200": {
          description: "The CSV file.",
          content: { "text/csv": { schema: z.string().meta({ example: CSV_EXAMPLE }) } },
        },
        ...errorResponses(401, 403, 422),
      },
    },
  },
  "/api/v1/products/import": {
    post: {
      operationId: "importProducts",
      tags: ["Products"],
      summary: "Import products from CSV",
      description:
        `A CSV file with a header row: sku, name, unit_price and currency are required; description, unit_cost, tax_rate_percent, stock, low_stock_threshold and active (yes/no) optional. ` +
        "Money is decimal text in the row's currency (\"12.50\"), the tax rate percent (\"8.25\"). Rows only create products: a SKU that exists, or repeats in the file, is a row error. " +
        "With `dry_run=true` the answer previews every row and nothing is written. Otherwise every row is created in one transaction, or none: 422 whose `errors` name `rows[<row>].<column>` or `file`.",
      "x-permission": "products.write",
      requestParams: {
        query: z.object({
          dry_run: z.enum(["true", "false"]).optional().meta({ description: "`true`: preview only.", example: "true" }),
        }),
      },
      requestBody: {
        required: true,
        content: { "text/csv": { schema: z.string(), example: CSV_EXAMPLE } },
      },
      responses: {
        "200": {
          description: "The preview (dry_run=true).",
          content: { "application/json": { schema: recordEnvelope(importPreviewSchema) } },
        },
        "201": {
          description: "Every row was created.",
          content: { "application/json": { schema: recordEnvelope(importResultSchema) } },
        },
        ...errorResponses(400, 401, 403, 409, 413, 415, 422),
      },
    },
  },
};
