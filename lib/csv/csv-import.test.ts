import { describe, expect, it } from "vitest";
import { z } from "zod";
import { addRowError, parseCsvImport } from "@/lib/csv/csv-import";

const schema = z.object({
  name: z.string().trim().min(1, "Enter a name."),
  qty: z
    .string()
    .optional()
    .transform((v) => (v ? Number(v) : 0))
    .pipe(z.number({ error: "Not a number." }).int("Whole numbers only.")),
});
const options = { columns: ["name", "qty"], required: ["name"], schema };

describe("parseCsvImport", () => {
  it("types valid rows, numbering them as a spreadsheet does", () => {
    const result = parseCsvImport('\uFEFFName,QTY,extra\r\nAda,3,x\n\n,,\n"Grace, H",,y\n', options);
    expect(result.ok).toBe(true);
    expect(result.columns).toEqual(["name", "qty"]);
    expect(result.ignoredColumns).toEqual(["extra"]);
    expect(result.rows.map((r) => [r.row, r.data])).toEqual([
      [2, { name: "Ada", qty: 3 }],
      [3, { name: "Grace, H", qty: 0 }],
    ]);
  });

  it("reports each bad field with its row, and keeps the good rows' data", () => {
    const result = parseCsvImport("name,qty\nAda,1\n,2\nBob,1.5\nCy,1,surplus\n", options);
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual([
      { row: 3, field: "name", message: "Enter a name." },
      { row: 4, field: "qty", message: "Whole numbers only." },
      { row: 5, field: null, message: "This row has 3 cells; the header names 2." },
    ]);
    expect(result.rows[0]?.data).toEqual({ name: "Ada", qty: 1 });
    expect(result.rows[1]?.data).toBeNull();
  });

  it("refuses whole files: empty, missing columns, duplicate columns, caps, bad quoting", () => {
    expect(parseCsvImport("", options).fileErrors[0]).toMatch(/empty/);
    expect(parseCsvImport("qty\n1\n", options).fileErrors).toEqual(['The header has no "name" column.']);
    expect(parseCsvImport("name,name\na,b\n", options).fileErrors[0]).toMatch(/twice/);
    expect(parseCsvImport("name\n", options).fileErrors[0]).toMatch(/no rows/);
    expect(parseCsvImport("name\na\nb\nc\n", { ...options, maxRows: 2 }).fileErrors[0]).toMatch(/at most 2/);
    expect(parseCsvImport(`name\n${"a".repeat(2000)}\n`, { ...options, maxBytes: 1024 }).fileErrors[0]).toMatch(
      /larger/,
    );
    const broken = parseCsvImport('name,qty\n"Ada,1\nBob,2\n', options);
    expect(broken.ok).toBe(false);
    expect(broken.fileErrors[0]).toMatch(/not valid CSV/);
  });

  it("removes the export's formula guard quote", () => {
    const result = parseCsvImport("name\n'=1+2\n'plain\n", options);
    expect(result.rows.map((r) => r.data?.name)).toEqual(["=1+2", "'plain"]);
  });

  it("takes errors found later (duplicates, database conflicts)", () => {
    const result = parseCsvImport("name\nAda\nAda\n", options);
    addRowError(result, 3, "name", "Same as row 2.");
    expect(result.ok).toBe(false);
    expect(result.rows[1]?.data).toBeNull();
    expect(result.errors).toEqual([{ row: 3, field: "name", message: "Same as row 2." }]);
  });
});
