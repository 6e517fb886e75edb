import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "./route";
import { makeProduct, productRow } from "@/lib/data/products/product-test-fixtures";
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

const path = (id: string) => `/api/v1/products/${id}/stock-adjustments`;

describe("POST /api/v1/products/{id}/stock-adjustments", () => {
  it("moves stock by the delta and answers the product with its new ETag", async () => {
    const p = await makeProduct({ stock: 10 });
    const res = await callRoute(POST, "POST", path(p.id), { key: writer, params: { id: p.id }, body: { delta: 24, reason: "Delivery" } });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id: p.id, stock: 34, version: 2 });
    expect(res.headers.get("etag")).toBe('"2"');
  });

  it("422 below zero or per invalid field; 412 with a stale If-Match; 404; 415; 401 / 403", async () => {
    const p = await makeProduct({ stock: 2 });
    const below = await callRoute(POST, "POST", path(p.id), { key: writer, params: { id: p.id }, body: { delta: -3, reason: "x" } });
    expect(below.status).toBe(422);
    expect(below.body.errors[0]).toMatchObject({ field: "delta", message: expect.stringContaining("Only 2 in stock") });
    for (const [body, field] of [
      [{ delta: 1.5, reason: "x" }, "delta"],
      [{ delta: 0, reason: "x" }, "delta"],
      [{ delta: "5", reason: "x" }, "delta"],
      [{ delta: 5, reason: "" }, "reason"],
      [{ delta: 5 }, "reason"],
      [{ delta: 5, reason: "x", stock: 9 }, "_form"],
    ] as [Record<string, unknown>, string][]) {
      const res = await callRoute(POST, "POST", path(p.id), { key: writer, params: { id: p.id }, body });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const stale = await callRoute(POST, "POST", path(p.id), {
      key: writer,
      params: { id: p.id },
      headers: { "if-match": '"9"' },
      body: { delta: 1, reason: "x" },
    });
    expect(stale.status).toBe(412);
    expect((await callRoute(POST, "POST", path("cmissing"), { key: writer, params: { id: "cmissing" }, body: { delta: 1, reason: "x" } })).status).toBe(404);
    const text = await callRoute(POST, "POST", path(p.id), {
      key: writer,
      params: { id: p.id },
      rawBody: "delta=1",
      headers: { "content-type": "text/plain" },
    });
    expect(text.status).toBe(415);
    expect((await callRoute(POST, "POST", path(p.id), { key: "odk_live_nope", params: { id: p.id }, body: { delta: 1, reason: "x" } })).status).toBe(401);
    expect((await callRoute(POST, "POST", path(p.id), { key: reader, params: { id: p.id }, body: { delta: 1, reason: "x" } })).status).toBe(403);
    expect((await productRow(p.id))!.stock).toBe(2);
  });
});
