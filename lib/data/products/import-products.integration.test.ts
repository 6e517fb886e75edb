import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth/viewer";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { csvStream } from "@/lib/csv/csv-export";
import { exportProducts } from "@/lib/data/products/export-products";
import { importProducts, previewProductImport } from "@/lib/data/products/import-products";
import { makeProduct, uniqueSku } from "@/lib/data/products/product-test-fixtures";
import { parseProductListQuery } from "@/lib/validations/product-list-query";
import { viewerWithRole } from "@/test/role-viewers";
import { testContext } from "@/test/helpers";

let manager: Viewer;

beforeAll(async () => {
  manager = await viewerWithRole("manager");
});

const HEADER = "sku,name,unit_price,currency,tax_rate_percent,stock,active";

describe("product CSV import", () => {
  it("previews, then creates every row in one go", async () => {
    const [a, b] = [uniqueSku("imp"), uniqueSku("imp")];
    const csv = `${HEADER}\n${a.toLowerCase()},Green tea,4.50,usd,8.25,12,yes\n${b},"Mug, large",12,EUR,,0,no\n`;
    const preview = await previewProductImport(manager, { csv });
    expect(preview).toMatchObject({ ok: true, total: 2, valid: 2, errors: [] });
    expect(preview.rows[0]).toMatchObject({ row: 2, sku: a, product: { unitPrice: 450, taxRateBps: 825, stock: 12 } });
    expect(await db.product.count({ where: { sku: { in: [a, b] } } })).toBe(0);

    const result = await importProducts(manager, { csv }, testContext());
    expect(result).toEqual({ created: 2, skus: [a, b] });
    const bySku = new Map((await db.product.findMany({ where: { sku: { in: [a, b] } } })).map((r) => [r.sku, r]));
    expect(bySku.get(a)).toMatchObject({ name: "Green tea", unitPrice: 450, currency: "USD", active: true, createdById: manager.userId });
    expect(bySku.get(b)).toMatchObject({ name: "Mug, large", unitPrice: 1200, currency: "EUR", active: false });
    const event = await db.auditEvent.findFirst({ where: { action: "product.imported", actorId: manager.userId }, orderBy: { seq: "desc" } });
    expect(JSON.parse(event!.metadata)).toMatchObject({ created: 2, skus: [a, b] });
  });

  it("names each bad row and column; writes nothing when any row is bad", async () => {
    const existing = await makeProduct();
    const good = uniqueSku("imp");
    const csv = [
      HEADER,
      `${good},Fine,1.00,USD,0,1,yes`,
      `${good},Same SKU again,1.00,USD,0,1,yes`,
      `${existing.sku},Taken,1.00,USD,0,1,yes`,
      `bad sku,Price,12.345,USD,0,1,maybe`,
      `${uniqueSku()},,1,ZZZ,0,-1,yes`,
    ].join("\n");
    const preview = await previewProductImport(manager, { csv });
    expect(preview.ok).toBe(false);
    expect(preview.valid).toBe(1);
    const byRow = (row: number) => preview.errors.filter((e) => e.row === row).map((e) => e.field).sort();
    expect(byRow(2)).toEqual([]);
    expect(byRow(3)).toEqual(["sku"]);
    expect(byRow(4)).toEqual(["sku"]);
    expect(byRow(5)).toEqual(["active", "sku", "unit_price"]);
    expect(byRow(6)).toEqual(["currency", "name", "stock"]);

    const error = await importProducts(manager, { csv }, testContext()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toMatch(/nothing was imported/);
    expect((error as ValidationError).fieldErrors["rows[3].sku"]).toEqual(["Row 2 has the same SKU."]);
    expect(await db.product.count({ where: { sku: good } })).toBe(0);
  });

  it("reports file problems (missing columns, empty file)", async () => {
    expect((await previewProductImport(manager, { csv: "sku,name\nA,B" })).fileErrors).toEqual([
      'The header has no "unit_price" column.',
      'The header has no "currency" column.',
    ]);
    await expect(importProducts(manager, { csv: "" }, testContext())).rejects.toBeInstanceOf(ValidationError);
  });

  it("needs products.write", async () => {
    await expect(previewProductImport(await viewerWithRole("staff"), { csv: HEADER })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });

  it("a SKU taken by someone else mid-import is a 409 and nothing is written", async () => {
    // Simulated by a duplicate that only the unique index sees: two SKUs that differ in case only
    // are caught by the in-file check, so write the clash straight to the table after the check.
    const sku = uniqueSku("race");
    const csv = `${HEADER}\n${sku},Racer,1.00,USD,0,1,yes`;
    // The outcome is caught at once: a refusal that settles while the insert below runs must not
    // count as an unhandled rejection.
    const created = importProducts(manager, { csv }, testContext()).catch((e: unknown) => e);
    await db.product.create({ data: { sku, name: "First", unitPrice: 1, unitCost: 0, currency: "USD" } }).catch(() => null);
    const outcome = await created;
    // Either the import won (then the direct insert failed) or it lost with a 409: never both rows.
    if (outcome instanceof Error) expect(outcome).toBeInstanceOf(ConflictError);
    expect(await db.product.count({ where: { sku } })).toBe(1);
  });
});

describe("product CSV export", () => {
  it("streams the filtered list with decimal money that the import reads back", async () => {
    const p = await makeProduct({ name: "Exported thing", unitPrice: 1999, taxRateBps: 750 });
    const { filename, columns, pages } = await exportProducts(
      manager,
      parseProductListQuery({ q: p.sku }),
      testContext(),
    );
    expect(filename).toMatch(/^products-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await new Response(csvStream(columns, pages)).text();
    const [header, line] = text.trim().split("\r\n");
    expect(header).toMatch(/^sku,name,description,unit_price,unit_cost,currency,tax_rate_percent,stock,low_stock_threshold,active,id/);
    expect(line).toContain(`${p.sku},Exported thing,,19.99,7.00,USD,7.5,10,3,yes,${p.id}`);
    // Re-importing the exported row (under a new SKU) reads the same values.
    const again = text.replace(new RegExp(p.sku, "g"), `${p.sku}X`);
    const preview = await previewProductImport(manager, { csv: again });
    expect(preview.rows[0]?.product).toMatchObject({ unitPrice: 1999, unitCost: 700, taxRateBps: 750, stock: 10 });
  });
});
