import { describe, expect, it, vi } from "vitest";

// A request without a key falls back to the browser session: outside Next there is no cookie.
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }),
  headers: async () => new Headers(),
}));

import { POST } from "../route";
import { GET } from "./route";
import { testProduct } from "@/lib/data/transactions/test-fixtures";
import { apiKeyFor } from "@/test/api-keys";
import { callRoute } from "@/test/call-route";
import { createTestUser } from "@/test/create-test-user";

describe("GET /api/v1/transactions/{id}", () => {
  it("answers the receipt with its ETag, 304 when unchanged, 404 for unknown or odd ids, 401/403", async () => {
    const owner = await createTestUser({ role: "staff" });
    const { key } = await apiKeyFor(owner.id, ["transactions.read", "transactions.write"]);
    const p = await testProduct({ unitPrice: 250 });
    const made = await callRoute(POST, "POST", "/api/v1/transactions", {
      key,
      body: { paymentMethod: "transfer", note: "Paid by IBAN", lines: [{ productId: p.id, quantity: 4 }] },
    });
    const id = made.body.data.id as string;
    const res = await callRoute(GET, "GET", `/api/v1/transactions/${id}`, { key, params: { id } });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id, total: 1000, paymentMethod: "transfer", note: "Paid by IBAN" });
    expect(res.body.data.lines).toHaveLength(1);
    expect(res.headers.get("etag")).toBe('"1"');
    const cached = await callRoute(GET, "GET", `/api/v1/transactions/${id}`, {
      key,
      params: { id },
      headers: { "if-none-match": '"1"' },
    });
    expect(cached.status).toBe(304);
    for (const odd of ["nosuchid", "' OR 1=1 --", "x".repeat(300)]) {
      const missing = await callRoute(GET, "GET", "/api/v1/transactions/x", { key, params: { id: odd } });
      expect(missing.status).toBe(404);
    }
    expect((await callRoute(GET, "GET", `/api/v1/transactions/${id}`, { params: { id } })).status).toBe(401);
    const other = await apiKeyFor(owner.id, ["products.read"]);
    expect((await callRoute(GET, "GET", `/api/v1/transactions/${id}`, { key: other.key, params: { id } })).status).toBe(
      403,
    );
  });
});
