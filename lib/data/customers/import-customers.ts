// CSV import of customers (customers.write), all or nothing. The file is parsed with the one CSV
// kit (lib/csv/csv-import.ts) against the same row schema as the create form, then checked as a
// whole: an email twice in the file, or already another customer's, is an error of that row.
// `dryRun` answers the preview (every row's outcome, nothing written); a commit re-checks
// everything inside one transaction and writes every row or, when any row has an error, none.
import "server-only";
import { randomBytes } from "node:crypto";
import { audit } from "@/lib/audit/audit";
import type { Actor } from "@/lib/auth/actor";
import { addRowError, parseCsvImport, type CsvImportResult, type CsvRowError } from "@/lib/csv/csv-import";
import { db, type Tx } from "@/lib/db";
import type { RequestContext } from "@/lib/http/request-context";
import { requirePermission } from "@/lib/rbac/can";
import { EMAIL_TAKEN, isEmailUniqueViolation } from "@/lib/data/customers/customer-record";
import { CUSTOMER_CSV_COLUMNS, customerImportRowSchema, type CustomerImportRow } from "@/lib/validations/customer";
import { ConflictError } from "@/lib/errors";

/** Rows shown in a preview (errors are always all listed). */
export const IMPORT_PREVIEW_ROWS = 200;

export type CustomerImportPreviewRow = {
  row: number;
  name: string;
  email: string;
  phone: string;
  tags: string;
  errors: CsvRowError[];
};

export type CustomerImportResult = {
  dryRun: boolean;
  committed: boolean;
  /** Customers written (0 for a preview or a refused commit). */
  created: number;
  /** Data rows in the file. */
  rowCount: number;
  validCount: number;
  fileErrors: string[];
  errors: CsvRowError[];
  ignoredColumns: string[];
  preview: CustomerImportPreviewRow[];
};

// cuid-shaped ids ("c" + 24 base-36 characters), made here so the rows and their tags can be
// written with two createMany calls instead of one insert per row.
function newId(): string {
  const bytes = randomBytes(24);
  let id = "c";
  for (const byte of bytes) id += (byte % 36).toString(36);
  return id;
}

async function checkEmails(result: CsvImportResult<CustomerImportRow>, client: Tx | typeof db): Promise<void> {
  const firstRowOf = new Map<string, number>();
  for (const r of result.rows) {
    const email = r.data?.email;
    if (!email) continue;
    const first = firstRowOf.get(email);
    if (first !== undefined) addRowError(result, r.row, "email", `The same email as row ${first}.`);
    else firstRowOf.set(email, r.row);
  }
  const emails = [...firstRowOf.keys()];
  for (let i = 0; i < emails.length; i += 500) {
    const taken = await client.customer.findMany({
      where: { email: { in: emails.slice(i, i + 500) } },
      select: { email: true },
    });
    for (const { email } of taken) {
      const row = email ? firstRowOf.get(email) : undefined;
      if (row !== undefined) addRowError(result, row, "email", EMAIL_TAKEN);
    }
  }
}

function summary(result: CsvImportResult<CustomerImportRow>, dryRun: boolean, created: number): CustomerImportResult {
  const withErrors = result.rows.filter((r) => r.errors.length > 0);
  const shown = [...withErrors, ...result.rows.filter((r) => r.errors.length === 0)]
    .slice(0, Math.max(IMPORT_PREVIEW_ROWS, withErrors.length))
    .sort((a, b) => a.row - b.row);
  return {
    dryRun,
    committed: created > 0,
    created,
    rowCount: result.rows.length,
    validCount: result.rows.filter((r) => r.errors.length === 0).length,
    fileErrors: result.fileErrors,
    errors: result.errors,
    ignoredColumns: result.ignoredColumns,
    preview: shown.map((r) => ({
      row: r.row,
      name: r.values.name ?? "",
      email: r.values.email ?? "",
      phone: r.values.phone ?? "",
      tags: r.values.tags ?? "",
      errors: r.errors,
    })),
  };
}

function parse(csv: string) {
  return parseCsvImport(csv, { columns: CUSTOMER_CSV_COLUMNS, required: ["name"], schema: customerImportRowSchema });
}

export async function importCustomers(
  actor: Actor | null,
  input: { csv: string; dryRun: boolean },
  ctx: RequestContext,
): Promise<CustomerImportResult> {
  requirePermission(actor, "customers.write");
  const parsed = parse(typeof input.csv === "string" ? input.csv : "");
  if (parsed.fileErrors.length) return summary(parsed, input.dryRun, 0);
  // Every row's problems at once, database checks included, so one preview shows all of them.
  await checkEmails(parsed, db);
  if (!parsed.ok || input.dryRun) return summary(parsed, input.dryRun, 0);

  try {
    return await db.$transaction(
      async (tx) => {
        // Again inside the transaction: a customer may have taken an email since the check above.
        const fresh = parse(input.csv);
        await checkEmails(fresh, tx);
        if (!fresh.ok) return summary(fresh, false, 0);
        const rows = fresh.rows.map((r) => ({ id: newId(), data: r.data! }));
        await tx.customer.createMany({
          data: rows.map(({ id, data }) => ({
            id,
            name: data.name,
            email: data.email ?? null,
            phone: data.phone ?? null,
            address: data.address ?? null,
            notes: data.notes ?? null,
            createdById: actor.userId,
            updatedById: actor.userId,
          })),
        });
        const tags = rows.flatMap(({ id, data }) => data.tags.map((tag) => ({ customerId: id, tag })));
        if (tags.length) await tx.customerTag.createMany({ data: tags });
        await audit(
          {
            action: "customer.imported",
            actorId: actor.userId,
            targetType: "customer",
            metadata: { created: rows.length, firstId: rows[0]?.id ?? null, lastId: rows.at(-1)?.id ?? null },
            context: ctx,
          },
          tx,
        );
        return summary(fresh, false, rows.length);
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
  } catch (error) {
    if (isEmailUniqueViolation(error)) {
      throw new ConflictError("Another customer took one of these emails meanwhile. Check the file again.");
    }
    throw error;
  }
}
