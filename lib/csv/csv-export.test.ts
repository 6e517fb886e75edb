import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvLines, csvResponse, keysetPages, type CsvColumn } from "@/lib/csv/csv-export";

type Row = { id: string; name: string; tags: string[] };
const columns: CsvColumn<Row>[] = [
  { header: "id", value: (r) => r.id },
  { header: "name", value: (r) => r.name },
  { header: "tags", value: (r) => r.tags },
];

function pagedSource(total: number, pageSize: number) {
  const reads: (string | null)[] = [];
  const read = async (cursor: string | null) => {
    reads.push(cursor);
    const start = cursor ? Number(cursor) : 0;
    const rows = Array.from({ length: Math.min(pageSize, total - start) }, (_, i) => ({
      id: String(start + i),
      name: start + i === 1 ? '=cmd|"/c calc"!A1' : `Name, "${start + i}"\nline two`,
      tags: ["a", "b"],
    }));
    const next = start + pageSize < total ? String(start + pageSize) : null;
    return { rows, nextCursor: next };
  };
  return { read, reads };
}

describe("csvResponse", () => {
  it("streams a header and every page, quoted and formula-safe", async () => {
    const { read, reads } = pagedSource(7, 3);
    const response = csvResponse({ filename: "customers 2026.csv", columns, pages: keysetPages(read) });
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="customers_2026.csv"');
    const records = parse(await response.text()) as string[][];
    expect(records[0]).toEqual(["id", "name", "tags"]);
    expect(records).toHaveLength(8);
    expect(records[1]).toEqual(["0", 'Name, "0"\nline two', "a; b"]);
    expect(records[2]?.[1]).toBe(`'=cmd|"/c calc"!A1`);
    expect(reads).toEqual([null, "3", "6"]);
  });

  it("pulls pages only as the client reads (memory bounded by a page)", async () => {
    const { read, reads } = pagedSource(1000, 10);
    const response = csvResponse({ filename: "x.csv", columns, pages: keysetPages(read) });
    const reader = response.body!.getReader();
    await reader.read(); // header
    await reader.read(); // first page
    // The stream may read one page ahead of the consumer, never the whole list.
    expect(reads.length).toBeLessThanOrEqual(3);
    await reader.cancel();
  });

  it("writes only the header for an empty list", async () => {
    const response = csvResponse({
      filename: "x.csv",
      columns,
      pages: keysetPages(async () => ({ rows: [], nextCursor: null })),
    });
    expect(await response.text()).toBe("id,name,tags\r\n");
  });
});

describe("csvLines", () => {
  it("quotes a cell holding a bare line break, so readers keep the record whole", () => {
    const text = csvLines([{ header: "n", value: (r: string) => r }], ["a\nb", "c\rd", "plain"]);
    expect(text).toBe('"a\nb"\r\n"c\rd"\r\nplain\r\n');
    expect(parse(text)).toEqual([["a\nb"], ["c\rd"], ["plain"]]);
  });
});
