import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "./route";
import { countProductsWithSku, productRowBySku, uniqueSku } from "@/lib/data/products/product-test-fixtures";
import { apiKeyFor } from "@/test/api-keys";
import { callRoute } from "@/test/call-route";
import { createTestUser } from "@/test/create-test-user";

let writer: string;
let reader: string;

beforeAll(async () => {
  const manager = await createTestUser({ role: "manager" });
  writer = (await apiKeyFor(manager.id, ["products.read", "products.write"])).key;
  reader = (await apiKeyFor(manager.id, ["products.read"])).key;
});

const csvHeaders = { "content-type": "text/csv" };
const send = (csv: string, query: Record<string, string> = {}, key = writer) =>
  callRoute(POST, "POST", "/api/v1/products/import", { key, rawBody: csv, headers: csvHeaders, query });

describe("POST /api/v1/products/import", () => {
  it("previews with dry_run=true (nothing written), then creates every row", async () => {
    const [a, b] = [uniqueSku("api"), uniqueSku("api")];
    const csv = `sku,name,unit_price,currency,stock\n${a},Alpha,1.50,USD,3\n${b},Beta,200,JPY,0\n`;
    const preview = await send(csv, { dry_run: "true" });
    expect(preview.status).toBe(200);
    expect(preview.body.data).toMatchObject({ ok: true, total: 2, valid: 2 });
    expect(await countProductsWithSku([a, b])).toBe(0);
    const res = await send(csv);
    expect(res.status).toBe(201);
    expect(res.body.data).toEqual({ created: 2, skus: [a, b] });
    const beta = (await productRowBySku(b))!;
    expect([beta.unitPrice, beta.currency]).toEqual([200, "JPY"]);
  });

  it("422 naming rows[<n>].<column>; nothing written", async () => {
    const good = uniqueSku("api");
    const res = await send(`sku,name,unit_price,currency\n${good},Fine,1,USD\nbad sku,,1.234,USD\n`);
    expect(res.status).toBe(422);
    expect(res.body.detail).toMatch(/nothing was imported/);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      "rows[3].name",
      "rows[3].sku",
      "rows[3].unit_price",
    ]);
    expect(await countProductsWithSku([good])).toBe(0);
    const missing = await send("sku,name\nA,B\n");
    expect(missing.status).toBe(422);
    expect(missing.body.errors[0].field).toBe("file");
  });

  it("415 for JSON, 422 for a bad dry_run, 401 / 403 without a key or scope", async () => {
    const json = await callRoute(POST, "POST", "/api/v1/products/import", { key: writer, body: { csv: "x" } });
    expect(json.status).toBe(415);
    expect((await send("sku\n", { dry_run: "1 OR 1=1" })).status).toBe(422);
    expect((await send("sku\n", {}, "odk_live_nope")).status).toBe(401);
    expect((await send("sku\n", {}, reader)).status).toBe(403);
  });

  it("413 for a file over the limit", async () => {
    const big = `sku,name,unit_price,currency\n${"A,B,1,USD\n".repeat(60_000)}`;
    expect((await send(big)).status).toBe(413);
  });
});
