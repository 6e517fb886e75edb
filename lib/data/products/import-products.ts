// CSV import of products (products.write): `previewProductImport` parses the file (lib/csv) and
// names every problem by row and column, including SKUs repeated inside the file or already taken;
// `importProducts` runs the same checks and then creates every row in one database transaction, or
// none: a file with any error writes nothing. One audit event lists the SKUs created.
//
// Rows only create products; a SKU that exists is a row error (edit those in the table or PATCH).
import "server-only";
import { audit } from "@/lib/audit/audit";
import type { Actor } from "@/lib/auth/actor";
import { addRowError, parseCsvImport, type CsvImportResult, type CsvRowError } from "@/lib/csv/csv-import";
import { db } from "@/lib/db";
import { ConflictError, ValidationError, type FieldErrors } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { requirePermission } from "@/lib/rbac/can";
import { isUniqueViolation } from "@/lib/db-sql";
import {
  PRODUCT_CSV_COLUMNS,
  PRODUCT_IMPORT_MAX_ROWS,
  productCsvRowSchema,
  productImportSchema,
  type CreateProductValues,
} from "@/lib/validations/product";
import { parseOrThrow } from "@/lib/validations/parse";

export type ProductImportPreview = {
  ok: boolean;
  fileErrors: string[];
  errors: CsvRowError[];
  ignoredColumns: string[];
  total: number;
  valid: number;
  /** Each row as it would be created (null where it has errors), for the preview table. */
  rows: { row: number; sku: string; name: string; product: CreateProductValues | null; errors: CsvRowError[] }[];
};

async function check(text: string): Promise<CsvImportResult<CreateProductValues>> {
  const result = parseCsvImport(text, {
    columns: PRODUCT_CSV_COLUMNS,
    required: ["sku", "name", "unit_price", "currency"],
    schema: productCsvRowSchema,
    maxRows: PRODUCT_IMPORT_MAX_ROWS,
  });
  if (result.fileErrors.length) return result;
  const firstRowOf = new Map<string, number>();
  for (const row of result.rows) {
    if (!row.data) continue;
    const seen = firstRowOf.get(row.data.sku);
    if (seen !== undefined) addRowError(result, row.row, "sku", `Row ${seen} has the same SKU.`);
    else firstRowOf.set(row.data.sku, row.row);
  }
  const skus = [...firstRowOf.keys()];
  const taken = new Set<string>();
  for (let i = 0; i < skus.length; i += 500) {
    const rows = await db.product.findMany({ where: { sku: { in: skus.slice(i, i + 500) } }, select: { sku: true } });
    for (const r of rows) taken.add(r.sku);
  }
  for (const row of result.rows) {
    if (row.data && taken.has(row.data.sku)) {
      addRowError(result, row.row, "sku", "A product with this SKU already exists.");
    }
  }
  return result;
}

function toPreview(result: CsvImportResult<CreateProductValues>): ProductImportPreview {
  return {
    ok: result.ok,
    fileErrors: result.fileErrors,
    errors: result.errors,
    ignoredColumns: result.ignoredColumns,
    total: result.rows.length,
    valid: result.rows.filter((r) => r.data).length,
    rows: result.rows.map((r) => ({
      row: r.row,
      sku: r.data?.sku ?? (r.values.sku ?? "").trim().toUpperCase(),
      name: r.data?.name ?? (r.values.name ?? "").trim(),
      product: r.data,
      errors: r.errors,
    })),
  };
}

export async function previewProductImport(actor: Actor | null, input: unknown): Promise<ProductImportPreview> {
  requirePermission(actor, "products.write");
  const { csv } = parseOrThrow(productImportSchema, input);
  return toPreview(await check(csv));
}

/** Field errors of a refused import: `file` for the whole file, `rows[<n>].<column>` per cell (as the customers import). */
function importErrors(result: CsvImportResult<CreateProductValues>): FieldErrors {
  const out: FieldErrors = {};
  if (result.fileErrors.length) out.file = [...result.fileErrors];
  for (const e of result.errors) (out[`rows[${e.row}]${e.field ? `.${e.field}` : ""}`] ??= []).push(e.message);
  return out;
}

export async function importProducts(
  actor: Actor | null,
  input: unknown,
  ctx: RequestContext,
): Promise<{ created: number; skus: string[] }> {
  requirePermission(actor, "products.write");
  const { csv } = parseOrThrow(productImportSchema, input);
  const result = await check(csv);
  if (!result.ok) {
    const problems = result.fileErrors.length + result.errors.length;
    throw new ValidationError(
      importErrors(result),
      `The file has ${problems} problem${problems === 1 ? "" : "s"}; nothing was imported.`,
    );
  }
  const products = result.rows.map((r) => r.data!);
  try {
    return await db.$transaction(async (tx) => {
      await tx.product.createMany({
        data: products.map((p) => ({ ...p, createdById: actor.userId, updatedById: actor.userId })),
      });
      const skus = products.map((p) => p.sku);
      await audit(
        {
          action: "product.imported",
          actorId: actor.userId,
          targetType: "product",
          metadata: { created: products.length, skus },
          context: ctx,
        },
        tx,
      );
      return { created: products.length, skus };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ConflictError("A SKU in the file was taken while importing; nothing was imported. Preview it again.", {
        sku: ["A SKU in the file was taken while importing."],
      });
    }
    throw error;
  }
}
