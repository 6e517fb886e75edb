import { json, withApi } from "@/lib/api/with-api";
import { readCsvImport } from "@/lib/api/read-csv-import";
import { importCustomers } from "@/lib/data/customers/import-customers";
import { ValidationError, type FieldErrors } from "@/lib/errors";

/**
 * POST /api/v1/customers/import[?dry_run=true]: a customers CSV (Content-Type: text/csv; header
 * row with name and any of email, phone, address, notes, tags). With dry_run=true: 200 `{ data }`
 * previewing every row's outcome, nothing written. Without: all rows are created in one
 * transaction (201 `{ data: { created, … } }`) or, if any row has a problem, none: 422 whose
 * `errors` name `rows[<row>].<field>` (spreadsheet row numbers; the header is row 1) or `file`.
 */
export const POST = withApi(
  async (ctx) => {
    const { csv, dryRun } = await readCsvImport(ctx.request, ctx.searchParams);
    const result = await importCustomers(ctx.actor, { csv, dryRun }, ctx);
    if (dryRun) return json({ data: result });
    if (!result.committed) {
      const fieldErrors: FieldErrors = {};
      if (result.fileErrors.length) fieldErrors.file = result.fileErrors;
      for (const e of result.errors)
        (fieldErrors[`rows[${e.row}]${e.field ? `.${e.field}` : ""}`] ??= []).push(e.message);
      throw new ValidationError(fieldErrors, "The file has problems; nothing was imported.");
    }
    return json({ data: result }, { status: 201 });
  },
  { permission: "customers.write" },
);
