import { describe, expect, it, vi } from "vitest";

// A request without a key falls back to the browser session: outside Next there is no cookie.
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }),
  headers: async () => new Headers(),
}));

import { POST as create } from "../../route";
import { POST } from "./route";
import { stockOf, testProduct } from "@/lib/data/transactions/test-fixtures";
import { apiKeyFor } from "@/test/api-keys";
import { callRoute } from "@/test/call-route";
import { createTestUser } from "@/test/create-test-user";

async function sale() {
  const owner = await createTestUser({ role: "staff" });
  const { key } = await apiKeyFor(owner.id, ["transactions.read", "transactions.write"]);
  const p = await testProduct({ stock: 5 });
  const made = await callRoute(create, "POST", "/api/v1/transactions", {
    key,
    body: { paymentMethod: "cash", lines: [{ productId: p.id, quantity: 2 }] },
  });
  return { key, owner, product: p, id: made.body.data.id as string };
}

describe("POST /api/v1/transactions/{id}/void", () => {
  it("voids once with If-Match, restocking; twice is 409; a stale version 412", async () => {
    const { key, product, id } = await sale();
    expect(await stockOf(product.id)).toBe(3);
    const path = `/api/v1/transactions/${id}/void`;
    const stale = await callRoute(POST, "POST", path, {
      key,
      params: { id },
      body: { reason: "x" },
      headers: { "if-match": '"9"' },
    });
    expect(stale.status).toBe(412);
    const odd = await callRoute(POST, "POST", path, {
      key,
      params: { id },
      body: { reason: "x" },
      headers: { "if-match": "v1" },
    });
    expect(odd.status).toBe(412);
    const ok = await callRoute(POST, "POST", path, {
      key,
      params: { id },
      body: { reason: "Customer changed their mind" },
      headers: { "if-match": '"1"' },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.data).toMatchObject({ status: "voided", voidReason: "Customer changed their mind", version: 2 });
    expect(ok.headers.get("etag")).toBe('"2"');
    expect(await stockOf(product.id)).toBe(5);
    const twice = await callRoute(POST, "POST", path, { key, params: { id }, body: { reason: "again" } });
    expect(twice.status).toBe(409);
    expect(await stockOf(product.id)).toBe(5);
  });

  it("answers 422 without a reason, 404 for an unknown id, 415 for a non-JSON body, 401 and 403", async () => {
    const { key, owner, id } = await sale();
    const path = `/api/v1/transactions/${id}/void`;
    const missing = await callRoute(POST, "POST", path, { key, params: { id }, body: {} });
    expect(missing.status).toBe(422);
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual(["reason"]);
    expect(
      (await callRoute(POST, "POST", path, { key, params: { id }, body: { reason: "x".repeat(501) } })).status,
    ).toBe(422);
    expect(
      (await callRoute(POST, "POST", path, { key, params: { id: "nosuchid" }, body: { reason: "x" } })).status,
    ).toBe(404);
    const type = await callRoute(POST, "POST", path, {
      key,
      params: { id },
      rawBody: "reason=x",
      headers: { "content-type": "text/plain" },
    });
    expect(type.status).toBe(415);
    expect((await callRoute(POST, "POST", path, { params: { id }, body: { reason: "x" } })).status).toBe(401);
    const reader = await apiKeyFor(owner.id, ["transactions.read"]);
    expect(
      (await callRoute(POST, "POST", path, { key: reader.key, params: { id }, body: { reason: "x" } })).status,
    ).toBe(403);
  });
});
