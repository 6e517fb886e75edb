// The one CSV import parser: text in, typed rows out, with every problem named by row number and
// field, so a preview can show exactly what to fix before anything is written. API:
//
//   const result = parseCsvImport(text, {
//     columns: ["name", "email", "tags"],        // accepted headers (case-insensitive, any order)
//     required: ["name"],                        // headers that must be present
//     schema: customerImportRowSchema,           // zod schema of one row: { [column]: cellText }
//     maxRows: 5000, maxBytes: 512 * 1024,       // caps (defaults CSV_IMPORT_LIMITS)
//   });
//   result.fileErrors  // whole-file problems (too big, no header, missing column, bad quoting)
//   result.rows        // [{ row: 2, values: { name: "Ada", … }, data: <schema output> | null, errors }]
//   result.errors      // every row error flattened: { row, field, message } (field null: whole row)
//   result.ok          // no file errors and no row errors: safe to commit
//   addRowError(result, 7, "email", "Already used by row 3.")   // checks across rows / the database
//
// Rules: row numbers are the spreadsheet's (the header is row 1, the first record row 2); a UTF-8
// BOM is ignored; blank lines are skipped; cells are trimmed by the schema, not here; a cell that
// the export protected against formula injection ("'=…") gets its quote removed (csv-cell.ts);
// unknown columns are ignored and listed in `ignoredColumns`; a record with more cells than the
// header is a row error. The caller decides what "commit" means (all-or-nothing: only when `ok`).
import { parse } from "csv-parse/sync";
import type { z } from "zod";
import { uncsvCell } from "@/lib/csv/csv-cell";
import { CSV_IMPORT_LIMITS } from "@/lib/csv/csv-import-limits";

export { CSV_IMPORT_LIMITS };

export type CsvRowError = { row: number; field: string | null; message: string };

export type CsvImportRow<T> = {
  row: number;
  /** The row's cells by column (only the accepted columns). */
  values: Record<string, string>;
  /** The schema's output, or null when the row has errors. */
  data: T | null;
  errors: CsvRowError[];
};

export type CsvImportResult<T> = {
  rows: CsvImportRow<T>[];
  errors: CsvRowError[];
  fileErrors: string[];
  /** The accepted columns found in the header, in file order. */
  columns: string[];
  ignoredColumns: string[];
  ok: boolean;
};

export type CsvImportOptions<S extends z.ZodType> = {
  columns: readonly string[];
  required?: readonly string[];
  schema: S;
  maxBytes?: number;
  maxRows?: number;
};

function fileFailure<T>(message: string, columns: string[] = []): CsvImportResult<T> {
  return { rows: [], errors: [], fileErrors: [message], columns, ignoredColumns: [], ok: false };
}

const kib = (bytes: number) => `${Math.round(bytes / 1024)} kB`;

export function parseCsvImport<S extends z.ZodType>(
  text: string,
  options: CsvImportOptions<S>,
): CsvImportResult<z.output<S>> {
  type Out = z.output<S>;
  const maxBytes = options.maxBytes ?? CSV_IMPORT_LIMITS.maxBytes;
  const maxRows = options.maxRows ?? CSV_IMPORT_LIMITS.maxRows;
  if (new TextEncoder().encode(text).byteLength > maxBytes) {
    return fileFailure(`The file is larger than ${kib(maxBytes)}. Split it into smaller files.`);
  }
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      relax_column_count: true,
      // Files edited on several systems mix line endings.
      record_delimiter: ["\r\n", "\n", "\r"],
      skip_empty_lines: true,
      // A record stops at most this far in: a stray quote cannot swallow the whole file silently.
      max_record_size: 64 * 1024,
    }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    const reason = error instanceof Error ? error.message.replace(/^Invalid [^:]*:\s*/, "") : "unreadable";
    return fileFailure(`The file is not valid CSV${line ? ` (near line ${line})` : ""}: ${reason}`);
  }
  // Rows of only empty cells (",,,") are blank lines too.
  records = records.filter((r, i) => i === 0 || r.some((cell) => cell.trim() !== ""));
  const [header, ...body] = records;
  if (!header || header.every((h) => h.trim() === "")) {
    return fileFailure(`The file is empty. The first line must name the columns: ${options.columns.join(", ")}.`);
  }
  const accepted = new Set(options.columns.map((c) => c.toLowerCase()));
  const names = header.map((h) => h.trim().toLowerCase());
  const seen = new Set<string>();
  const fileErrors: string[] = [];
  const ignoredColumns: string[] = [];
  const columns: string[] = [];
  names.forEach((name, i) => {
    if (!accepted.has(name)) {
      ignoredColumns.push(header[i]!.trim() || `column ${i + 1}`);
    } else if (seen.has(name)) {
      fileErrors.push(`The column "${name}" appears twice in the header.`);
    } else {
      seen.add(name);
      columns.push(name);
    }
  });
  for (const required of options.required ?? []) {
    if (!seen.has(required.toLowerCase())) fileErrors.push(`The header has no "${required}" column.`);
  }
  if (body.length === 0) fileErrors.push("The file has a header but no rows.");
  if (body.length > maxRows) fileErrors.push(`The file has ${body.length} rows; import at most ${maxRows} at a time.`);
  if (fileErrors.length) return { rows: [], errors: [], fileErrors, columns, ignoredColumns, ok: false };

  const rows: CsvImportRow<Out>[] = body.map((cells, index) => {
    const row = index + 2;
    const values: Record<string, string> = {};
    names.forEach((name, i) => {
      if (accepted.has(name) && !(name in values)) values[name] = uncsvCell(cells[i] ?? "");
    });
    const errors: CsvRowError[] = [];
    if (cells.length > header.length && cells.slice(header.length).some((c) => c.trim() !== "")) {
      errors.push({
        row,
        field: null,
        message: `This row has ${cells.length} cells; the header names ${header.length}.`,
      });
    }
    const parsed = options.schema.safeParse(values);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path.length ? String(issue.path[0]) : null;
        // One message per field is enough for a person fixing a spreadsheet.
        if (!errors.some((e) => e.field === field)) errors.push({ row, field, message: issue.message });
      }
    }
    return { row, values, data: errors.length === 0 && parsed.success ? (parsed.data as Out) : null, errors };
  });
  const result: CsvImportResult<Out> = { rows, errors: [], fileErrors: [], columns, ignoredColumns, ok: true };
  result.errors = rows.flatMap((r) => r.errors);
  result.ok = result.errors.length === 0;
  return result;
}

/** Adds an error found after parsing (a duplicate inside the file, a value taken in the database). */
export function addRowError<T>(result: CsvImportResult<T>, row: number, field: string | null, message: string): void {
  const target = result.rows.find((r) => r.row === row);
  const error = { row, field, message };
  if (target) {
    target.errors.push(error);
    target.data = null;
  }
  result.errors.push(error);
  result.errors.sort((a, b) => a.row - b.row);
  result.ok = false;
}
