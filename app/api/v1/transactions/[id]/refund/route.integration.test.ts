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
  const p = await testProduct({ unitPrice: 1000, stock: 5 });
  const made = await callRoute(create, "POST", "/api/v1/transactions", {
    key,
    body: { paymentMethod: "card", lines: [{ productId: p.id, quantity: 3 }] },
  });
  return { key, owner, product: p, id: made.body.data.id as string, lineId: made.body.data.lines[0].id as string };
}

describe("POST /api/v1/transactions/{id}/refund", () => {
  it("refunds a line partly, then the rest; beyond what was sold is 422; stale If-Match 412", async () => {
    const { key, product, id, lineId } = await sale();
    const path = `/api/v1/transactions/${id}/refund`;
    const part = await callRoute(POST, "POST", path, {
      key,
      params: { id },
      body: { reason: "Scratched", lines: [{ lineId, quantity: 1 }] },
      headers: { "if-match": '"1"' },
    });
    expect(part.status).toBe(200);
    expect(part.body.data).toMatchObject({ status: "partially_refunded", refundedAmount: 1000, version: 2 });
    expect(await stockOf(product.id)).toBe(3);
    const beyond = await callRoute(POST, "POST", path, {
      key,
      params: { id },
      body: { lines: [{ lineId, quantity: 3 }] },
    });
    expect(beyond.status).toBe(422);
    expect(beyond.body.errors.map((e: { field: string }) => e.field)).toEqual(["lines.0.quantity"]);
    const stale = await callRoute(POST, "POST", path, {
      key,
      params: { id },
      body: {},
      headers: { "if-match": '"1"' },
    });
    expect(stale.status).toBe(412);
    const rest = await callRoute(POST, "POST", path, { key, params: { id }, body: {}, headers: { "if-match": '"2"' } });
    expect(rest.status).toBe(200);
    expect(rest.body.data).toMatchObject({ status: "refunded", refundedAmount: 3000 });
    expect(rest.body.data.refunds).toHaveLength(2);
    expect(await stockOf(product.id)).toBe(5);
    expect((await callRoute(POST, "POST", path, { key, params: { id }, body: {} })).status).toBe(409);
  });

  it("answers 422 per invalid field, 404, 401 and 403", async () => {
    const { key, owner, id, lineId } = await sale();
    const path = `/api/v1/transactions/${id}/refund`;
    const cases: [unknown, string[]][] = [
      [{ lines: [] }, ["lines"]],
      [{ lines: [{ lineId, quantity: 0 }] }, ["lines.0.quantity"]],
      [{ lines: [{ lineId: "' OR 1=1", quantity: 1 }] }, ["lines.0.lineId"]],
      [{ lines: [{ lineId: "otherline", quantity: 1 }] }, ["lines.0.lineId"]],
      [{ reason: 5 }, ["reason"]],
    ];
    for (const [body, expected] of cases) {
      const res = await callRoute(POST, "POST", path, { key, params: { id }, body });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(expected);
    }
    expect((await callRoute(POST, "POST", path, { key, params: { id: "nosuchid" }, body: {} })).status).toBe(404);
    expect((await callRoute(POST, "POST", path, { params: { id }, body: {} })).status).toBe(401);
    const reader = await apiKeyFor(owner.id, ["transactions.read"]);
    expect((await callRoute(POST, "POST", path, { key: reader.key, params: { id }, body: {} })).status).toBe(403);
  });
});
