import { beforeAll, describe, expect, it } from "vitest";
import { DELETE, GET, PATCH } from "./route";
import { makeProduct, makeSaleOf, productRow } from "@/lib/data/products/product-test-fixtures";
import { apiKeyFor } from "@/test/api-keys";
import { callRoute } from "@/test/call-route";
import { createTestUser } from "@/test/create-test-user";

let writer: string;
let reader: string;
let ownerId: string;

beforeAll(async () => {
  const manager = await createTestUser({ role: "manager" });
  ownerId = manager.id;
  writer = (await apiKeyFor(manager.id, ["products.read", "products.write"])).key;
  reader = (await apiKeyFor(manager.id, ["products.read"])).key;
});

const path = (id: string) => `/api/v1/products/${id}`;

describe("GET /api/v1/products/{id}", () => {
  it("answers the product with its version as ETag, 304 for a matching If-None-Match", async () => {
    const p = await makeProduct();
    const res = await callRoute(GET, "GET", path(p.id), { key: reader, params: { id: p.id } });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id: p.id, sku: p.sku, unitPrice: 1250, taxRateBps: 825 });
    expect(res.headers.get("etag")).toBe('"1"');
    const again = await callRoute(GET, "GET", path(p.id), { key: reader, params: { id: p.id }, headers: { "if-none-match": '"1"' } });
    expect(again.status).toBe(304);
  });

  it("404 for an unknown or injection-shaped id; 401 / 403 without a key or scope", async () => {
    for (const id of ["cmissing0000", "' OR 1=1 --", "x".repeat(300), "../secrets"]) {
      const res = await callRoute(GET, "GET", path(encodeURIComponent(id)), { key: reader, params: { id } });
      expect(res.status, id).toBe(404);
      expect(res.body.code).toBe("not_found");
    }
    // NUL is refused at the door (withApi), never a 500 from PostgreSQL.
    const nul = await callRoute(GET, "GET", path("abc%00"), { key: reader, params: { id: "abc\u0000" } });
    expect(nul.status).toBe(400);
    expect(nul.body.code).toBe("nul_character");
    const p = await makeProduct();
    expect((await callRoute(GET, "GET", path(p.id), { key: "odk_live_nope", params: { id: p.id } })).status).toBe(401);
    const other = await apiKeyFor(ownerId, ["customers.read"]);
    expect((await callRoute(GET, "GET", path(p.id), { key: other.key, params: { id: p.id } })).status).toBe(403);
  });
});

describe("PATCH /api/v1/products/{id}", () => {
  it("changes the fields sent, bumps the ETag, honours If-Match", async () => {
    const p = await makeProduct();
    const res = await callRoute(PATCH, "PATCH", path(p.id), {
      key: writer,
      params: { id: p.id },
      headers: { "if-match": '"1"' },
      body: { unitPrice: 1350, stock: 2 },
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ unitPrice: 1350, stock: 2, lowStock: true, version: 2 });
    expect(res.headers.get("etag")).toBe('"2"');

    const stale = await callRoute(PATCH, "PATCH", path(p.id), {
      key: writer,
      params: { id: p.id },
      headers: { "if-match": '"1"' },
      body: { unitPrice: 1 },
    });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe("precondition_failed");
    const malformed = await callRoute(PATCH, "PATCH", path(p.id), {
      key: writer,
      params: { id: p.id },
      headers: { "if-match": "banana" },
      body: { unitPrice: 1 },
    });
    expect(malformed.status).toBe(412);
    expect((await productRow(p.id))!.unitPrice).toBe(1350);
  });

  it("409 for another product's SKU, 422 per invalid field, 404, 415, 413", async () => {
    const [a, b] = [await makeProduct(), await makeProduct()];
    const taken = await callRoute(PATCH, "PATCH", path(a.id), { key: writer, params: { id: a.id }, body: { sku: b.sku.toLowerCase() } });
    expect(taken.status).toBe(409);
    expect(taken.body.errors[0].field).toBe("sku");
    const cases: [Record<string, unknown>, string][] = [
      [{ unitPrice: 9.99 }, "unitPrice"],
      [{ unitCost: -1 }, "unitCost"],
      [{ currency: "EURO" }, "currency"],
      [{ taxRateBps: 1.5 }, "taxRateBps"],
      [{ stock: "7" }, "stock"],
      [{ lowStockThreshold: null }, "lowStockThreshold"],
      [{ name: "" }, "name"],
      [{ sku: "with space" }, "sku"],
      [{ active: 1 }, "active"],
      [{ version: 9 }, "_form"],
    ];
    for (const [patch, field] of cases) {
      const res = await callRoute(PATCH, "PATCH", path(a.id), { key: writer, params: { id: a.id }, body: patch });
      expect(res.status, JSON.stringify(patch)).toBe(422);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect((await callRoute(PATCH, "PATCH", path("cmissing"), { key: writer, params: { id: "cmissing" }, body: { stock: 1 } })).status).toBe(404);
    const form = await callRoute(PATCH, "PATCH", path(a.id), {
      key: writer,
      params: { id: a.id },
      rawBody: "stock=1",
      headers: { "content-type": "text/plain" },
    });
    expect(form.status).toBe(415);
    const huge = await callRoute(PATCH, "PATCH", path(a.id), {
      key: writer,
      params: { id: a.id },
      rawBody: JSON.stringify({ description: "x".repeat(70_000) }),
      headers: { "content-type": "application/json" },
    });
    expect(huge.status).toBe(413);
  });

  it("403 for a read-only key, and nothing changes", async () => {
    const p = await makeProduct();
    const res = await callRoute(PATCH, "PATCH", path(p.id), { key: reader, params: { id: p.id }, body: { stock: 99 } });
    expect(res.status).toBe(403);
    expect((await productRow(p.id))!.stock).toBe(10);
  });
});

describe("DELETE /api/v1/products/{id}", () => {
  it("deletes a product never sold and says so", async () => {
    const p = await makeProduct();
    const res = await callRoute(DELETE, "DELETE", path(p.id), { key: writer, params: { id: p.id }, headers: { "if-match": '"1"' } });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ id: p.id, outcome: "deleted" });
    expect(await productRow(p.id)).toBeNull();
    expect((await callRoute(DELETE, "DELETE", path(p.id), { key: writer, params: { id: p.id } })).status).toBe(404);
  });

  it("archives a product that was sold, with the new ETag", async () => {
    const p = await makeProduct();
    await makeSaleOf(p.id, ownerId);
    const res = await callRoute(DELETE, "DELETE", path(p.id), { key: writer, params: { id: p.id } });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ id: p.id, outcome: "archived" });
    expect(res.headers.get("etag")).toBe('"2"');
    const after = (await productRow(p.id))!;
    expect(after.archivedAt).not.toBeNull();
    expect(after.active).toBe(false);
  });

  it("412 with a stale If-Match, 403 for a read-only key; the product stays", async () => {
    const p = await makeProduct();
    expect((await callRoute(DELETE, "DELETE", path(p.id), { key: writer, params: { id: p.id }, headers: { "if-match": '"4"' } })).status).toBe(412);
    expect((await callRoute(DELETE, "DELETE", path(p.id), { key: reader, params: { id: p.id } })).status).toBe(403);
    expect(await productRow(p.id)).not.toBeNull();
  });
});
