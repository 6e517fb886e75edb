import { beforeAll, describe, expect, it } from "vitest";
import { GET, POST } from "./route";
import { banUserRow, uniqueSku } from "@/lib/data/products/product-test-fixtures";
import { apiKeyFor } from "@/test/api-keys";
import { callRoute } from "@/test/call-route";
import { createTestUser } from "@/test/create-test-user";
import { uniqueName } from "@/test/helpers";

let writer: string;
let reader: string;
const m = uniqueName("rp").toUpperCase();

beforeAll(async () => {
  const manager = await createTestUser({ role: "manager" });
  writer = (await apiKeyFor(manager.id, ["products.read", "products.write"])).key;
  reader = (await apiKeyFor(manager.id, ["products.read"])).key;
});

const body = (overrides: Record<string, unknown> = {}) => ({
  sku: uniqueSku(m),
  name: `${m} Earl Grey`,
  unitPrice: 1250,
  unitCost: 700,
  currency: "USD",
  taxRateBps: 825,
  stock: 40,
  lowStockThreshold: 5,
  ...overrides,
});

describe("POST /api/v1/products", () => {
  it("creates a product: 201 with ETag, Location and integer money", async () => {
    const sent = body({ sku: `${m}-tea-1`.toLowerCase() });
    const res = await callRoute(POST, "POST", "/api/v1/products", { key: writer, body: sent });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({
      sku: `${m}-TEA-1`,
      unitPrice: 1250,
      unitCost: 700,
      currency: "USD",
      taxRateBps: 825,
      stock: 40,
      lowStock: false,
      active: true,
      archived: false,
      version: 1,
    });
    expect(res.headers.get("etag")).toBe('"1"');
    expect(res.headers.get("location")).toBe(`/api/v1/products/${res.body.data.id}`);
  });

  it("answers 409 naming sku for a taken SKU, whatever its case", async () => {
    const sku = uniqueSku(m);
    expect((await callRoute(POST, "POST", "/api/v1/products", { key: writer, body: body({ sku }) })).status).toBe(201);
    const res = await callRoute(POST, "POST", "/api/v1/products", { key: writer, body: body({ sku: sku.toLowerCase() }) });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("conflict");
    expect(res.body.errors).toEqual([{ field: "sku", message: "Another product already has this SKU." }]);
  });

  it("answers 422 naming each invalid field", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ sku: "" }, "sku"],
      [{ sku: "A B" }, "sku"],
      [{ sku: undefined }, "sku"],
      [{ name: " " }, "name"],
      [{ name: "n".repeat(201) }, "name"],
      [{ description: 42 }, "description"],
      [{ unitPrice: 12.5 }, "unitPrice"],
      [{ unitPrice: "1250" }, "unitPrice"],
      [{ unitPrice: -1 }, "unitPrice"],
      [{ unitPrice: 2 ** 31 }, "unitPrice"],
      [{ unitCost: 0.01 }, "unitCost"],
      [{ currency: "usdollar" }, "currency"],
      [{ currency: "XXY" }, "currency"],
      [{ taxRateBps: 10001 }, "taxRateBps"],
      [{ taxRateBps: -5 }, "taxRateBps"],
      [{ stock: -1 }, "stock"],
      [{ stock: 1.5 }, "stock"],
      [{ lowStockThreshold: -2 }, "lowStockThreshold"],
      [{ active: "yes" }, "active"],
      [{ price: 100 }, "_form"],
    ];
    for (const [overrides, field] of cases) {
      const res = await callRoute(POST, "POST", "/api/v1/products", { key: writer, body: body(overrides) });
      expect(res.status, JSON.stringify(overrides)).toBe(422);
      const fields = res.body.errors.map((e: { field: string }) => e.field);
      expect(fields, JSON.stringify(overrides)).toContain(field);
    }
  });

  it("answers 415 for a non-JSON body, 400 for broken JSON, 413 for a huge one", async () => {
    const form = await callRoute(POST, "POST", "/api/v1/products", {
      key: writer,
      rawBody: "sku=A",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(form.status).toBe(415);
    const broken = await callRoute(POST, "POST", "/api/v1/products", {
      key: writer,
      rawBody: "{",
      headers: { "content-type": "application/json" },
    });
    expect(broken.status).toBe(400);
    const huge = await callRoute(POST, "POST", "/api/v1/products", {
      key: writer,
      rawBody: JSON.stringify(body({ description: "x".repeat(70_000) })),
      headers: { "content-type": "application/json" },
    });
    expect(huge.status).toBe(413);
  });

  it("answers 401 for a missing, unknown, revoked or expired key or a banned owner, 403 for a read-only key", async () => {
    const owner = await createTestUser({ role: "manager" });
    const revoked = await apiKeyFor(owner.id, ["products.write"], { revokedAt: new Date() });
    const expired = await apiKeyFor(owner.id, ["products.write"], { expiresAt: new Date(Date.now() - 1000) });
    const banned = await createTestUser({ role: "manager" });
    const bannedKey = await apiKeyFor(banned.id, ["products.write"]);
    await banUserRow(banned.id);
    for (const key of ["odk_live_nope", revoked.key, expired.key, bannedKey.key]) {
      const res = await callRoute(POST, "POST", "/api/v1/products", { key, body: body() });
      expect(res.status).toBe(401);
    }
    expect((await callRoute(POST, "POST", "/api/v1/products", { headers: { authorization: "Basic eDp5" }, body: body() })).status).toBe(401);
    const res = await callRoute(POST, "POST", "/api/v1/products", { key: reader, body: body() });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe("forbidden");
  });

  it("a key whose owner lost products.write loses it too", async () => {
    const staff = await createTestUser({ role: "staff" });
    const key = await apiKeyFor(staff.id, ["products.read", "products.write"]);
    expect((await callRoute(POST, "POST", "/api/v1/products", { key: key.key, body: body() })).status).toBe(403);
  });
});

describe("GET /api/v1/products", () => {
  const l = `${m}L`;
  beforeAll(async () => {
    for (let i = 0; i < 12; i++) {
      const res = await callRoute(POST, "POST", "/api/v1/products", {
        key: writer,
        body: body({
          sku: `${l}-${String(i).padStart(2, "0")}`,
          name: `${l} item ${String(i).padStart(2, "0")}`,
          unitPrice: 100 * i,
          stock: i,
          lowStockThreshold: 3,
          active: i % 4 !== 0,
        }),
      });
      expect(res.status).toBe(201);
    }
  });

  it("pages with next_cursor, counts with total=true, sorts", async () => {
    const first = await callRoute(GET, "GET", "/api/v1/products", {
      key: reader,
      query: { q: l, limit: "10", sort: "-unitPrice", total: "true" },
    });
    expect(first.status).toBe(200);
    expect(first.body.total).toBe(12);
    expect(first.body.data).toHaveLength(10);
    expect(first.body.data[0]).toMatchObject({ sku: `${l}-11`, unitPrice: 1100 });
    const second = await callRoute(GET, "GET", "/api/v1/products", {
      key: reader,
      query: { q: l, limit: "10", sort: "-unitPrice", cursor: first.body.next_cursor },
    });
    expect(second.body.data.map((p: { sku: string }) => p.sku)).toEqual([`${l}-01`, `${l}-00`]);
    expect(second.body.next_cursor).toBeNull();
    expect(second.body).not.toHaveProperty("total");
  });

  it("filters active, low_stock and q by SKU in any case", async () => {
    const count = async (query: Record<string, string>) =>
      (await callRoute(GET, "GET", "/api/v1/products", { key: reader, query: { q: l, total: "true", ...query } })).body.total;
    expect(await count({ active: "no" })).toBe(3);
    expect(await count({ active: "yes" })).toBe(9);
    expect(await count({ low_stock: "yes" })).toBe(4);
    expect(await count({ archived: "yes" })).toBe(0);
    expect(await count({ q: `${l}-07`.toLowerCase() })).toBe(1);
  });

  it("answers 422, never 500, for injection-shaped parameters", async () => {
    const bad: Record<string, string>[] = [
      { sort: "name; DROP TABLE Product" },
      { sort: "-unitCost" },
      { sort: "createdBy.passwordHash" },
      { cursor: "' OR '1'='1" },
      { cursor: Buffer.from('{"s":"name","v":[{"$gt":""}],"id":"x"}').toString("base64url") },
      { active: "1 OR 1=1" },
      { archived: "' OR ''='" },
      { low_stock: "true" },
      { limit: "-1" },
      { total: "yes" },
      { q: "%".repeat(300) },
    ];
    for (const query of bad) {
      const res = await callRoute(GET, "GET", "/api/v1/products", { key: reader, query });
      expect(res.status, JSON.stringify(query)).toBe(422);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(Object.keys(query)[0]);
    }
    for (const q of ["' OR 1=1 --", "%_%", "\\", "$where", "🙂"]) {
      const res = await callRoute(GET, "GET", "/api/v1/products", { key: reader, query: { q } });
      expect(res.status, q).toBe(200);
    }
    // NUL cannot be stored or searched on PostgreSQL: refused at the door (withApi), never a 500.
    const nul = await callRoute(GET, "GET", "/api/v1/products", { key: reader, query: { q: "name\u0000" } });
    expect(nul.status).toBe(400);
  });

  it("a cursor from another sort is refused", async () => {
    const page = await callRoute(GET, "GET", "/api/v1/products", { key: reader, query: { q: l, limit: "10" } });
    const res = await callRoute(GET, "GET", "/api/v1/products", {
      key: reader,
      query: { q: l, limit: "10", sort: "stock", cursor: page.body.next_cursor },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].field).toBe("cursor");
  });

  it("answers 401 without a key and 403 for a key without products.read", async () => {
    expect((await callRoute(GET, "GET", "/api/v1/products", { headers: { authorization: "Basic eDp5" } })).status).toBe(401);
    const owner = await createTestUser({ role: "manager" });
    const other = await apiKeyFor(owner.id, ["customers.read"]);
    expect((await callRoute(GET, "GET", "/api/v1/products", { key: other.key })).status).toBe(403);
  });
});
