// Cell-level rules shared by the CSV export and import (lib/csv/csv-export.ts, csv-import.ts).
//
// Formula injection (CWE-1236): a spreadsheet runs a cell starting with = + - @ (or a tab or
// carriage return before one) as a formula, so `=HYPERLINK("http://evil", "x")` typed into a
// customer's notes would become a live link in whoever opens the export. Exported cells that start
// with one of those characters get a leading single quote, which spreadsheets show as text. The
// import strips exactly that quote again, so export → edit → import round-trips.
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvValue = string | number | boolean | Date | null | undefined | readonly string[];

/** The text of one exported cell: dates as ISO, lists joined with "; ", formulas neutralised. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const text = Array.isArray(value) ? value.join("; ") : (value as string);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** An imported cell with the export's protective quote removed ("'=1+2" → "=1+2"). */
export function uncsvCell(text: string): string {
  return text.length > 1 && text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
