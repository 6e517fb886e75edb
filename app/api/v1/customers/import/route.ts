import { json, withApi } from "@/lib/api/with-api";
import { BodyError, readLimitedBody } from "@/lib/api/read-limited-body";
import { CSV_IMPORT_LIMITS } from "@/lib/csv/csv-import";
import { importCustomers } from "@/lib/data/customers/import-customers";
import { ValidationError, type FieldErrors } from "@/lib/errors";

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
 * POST /api/v1/customers/import[?dry_run=true]: a customers CSV (Content-Type: text/csv; header
 * row with name and any of email, phone, address, notes, tags). With dry_run=true: 200 `{ data }`
 * previewing every row's outcome, nothing written. Without: all rows are created in one
 * transaction (201 `{ data: { created, … } }`) or, if any row has a problem, none: 422 whose
 * `errors` name `rows[<row>].<field>` (spreadsheet row numbers; the header is row 1) or `file`.
 */
export const POST = withApi(
  async (ctx) => {
    const dryRunParam = ctx.searchParams.get("dry_run");
    if (dryRunParam !== null && dryRunParam !== "true" && dryRunParam !== "false") {
      throw new ValidationError({ dry_run: ["dry_run is true or false."] });
    }
    const dryRun = dryRunParam === "true";
    const csv = await readCsv(ctx.request);
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
