// The one CSV export kit: streams any list as text/csv, page by page, so memory stays bounded by
// one page however long the list is. API:
//
//   const columns = [
//     { header: "name", value: (c: Customer) => c.name },
//     { header: "tags", value: (c) => c.tags },               // lists are joined with "; "
//   ] satisfies CsvColumn<Customer>[];
//   return csvResponse({
//     filename: "customers-2026-12-01.csv",
//     columns,
//     pages: keysetPages((cursor) => readPage(cursor)),          // any AsyncIterable<Row[]>
//   });
//
// - `keysetPages(read)` turns a DAL's keyset page reader (`cursor → { rows, nextCursor }`) into an
//   async iterable of pages; the response pulls the next page only when the client has taken the
//   previous one (ReadableStream pull), so a slow download never piles rows up in memory.
// - Cells pass through csvCell (lib/csv/csv-cell.ts): formula-injection safe, dates as ISO 8601.
// - The first row is the header; a UTF-8 BOM is not written (Excel opens UTF-8 fine when told).
// - csv-stringify does the quoting (RFC 4180: quotes, commas, newlines inside cells).
// - An error after the first bytes cannot become a problem+json any more: the stream is aborted so
//   the client sees a failed download rather than a silently truncated file. Check permissions and
//   validate the query before calling csvResponse (the DAL's export function does).
import { stringify } from "csv-stringify/sync";
import { csvCell, type CsvValue } from "@/lib/csv/csv-cell";

export type CsvColumn<Row> = { header: string; value: (row: Row) => CsvValue };

/** A keyset page reader: the first call gets null, then each page's `nextCursor` until null. */
export async function* keysetPages<Row>(
  read: (cursor: string | null) => Promise<{ rows: Row[]; nextCursor: string | null }>,
): AsyncGenerator<Row[]> {
  let cursor: string | null = null;
  do {
    const page: { rows: Row[]; nextCursor: string | null } = await read(cursor);
    if (page.rows.length) yield page.rows;
    cursor = page.nextCursor;
  } while (cursor);
}

/** CSV text of rows (no header), cells made safe. */
export function csvLines<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  if (rows.length === 0) return "";
  return stringify(
    rows.map((row) => columns.map((c) => csvCell(c.value(row)))),
    { record_delimiter: "\r\n", quoted_match: /[\r\n]/ },
  );
}

/** The header line of `columns`. */
export function csvHeader(columns: readonly CsvColumn<unknown>[] | readonly { header: string }[]): string {
  return stringify([columns.map((c) => csvCell(c.header))], { record_delimiter: "\r\n", quoted_match: /[\r\n]/ });
}

/** A ReadableStream of the CSV: the header, then one chunk per page, pulled on demand. */
export function csvStream<Row>(
  columns: readonly CsvColumn<Row>[],
  pages: AsyncIterable<Row[]>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = pages[Symbol.asyncIterator]();
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvHeader(columns)));
        return;
      }
      const next = await iterator.next();
      if (next.done) {
        controller.close();
        return;
      }
      const text = csvLines(columns, next.value);
      if (text) controller.enqueue(encoder.encode(text));
    },
    async cancel() {
      await iterator.return?.(undefined);
    },
  });
}

/** A streamed text/csv download. `filename` is sanitised to [A-Za-z0-9._-]. */
export function csvResponse<Row>(options: {
  filename: string;
  columns: readonly CsvColumn<Row>[];
  pages: AsyncIterable<Row[]>;
  headers?: HeadersInit;
}): Response {
  const headers = new Headers(options.headers);
  const filename = options.filename.replace(/[^A-Za-z0-9._-]/g, "_") || "export.csv";
  headers.set("Content-Type", "text/csv; charset=utf-8");
  headers.set("Content-Disposition", `attachment; filename="${filename}"`);
  headers.set("Cache-Control", "no-store");
  headers.set("X-Content-Type-Options", "nosniff");
  return new Response(csvStream(options.columns, options.pages), { status: 200, headers });
}
