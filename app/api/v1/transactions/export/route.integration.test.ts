import { describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }),
  headers: async () => new Headers(),
}));

import { POST } from "../route";
import { GET } from "./route";
import { testCustomer, testProduct } from "@/lib/data/transactions/test-fixtures";
import { apiKeyFor } from "@/test/api-keys";
import { callRoute } from "@/test/call-route";
import { createTestUser } from "@/test/create-test-user";

describe("GET /api/v1/transactions/export", () => {
  it("streams the filtered sales as CSV; 422 for bad filters, 401 and 403", async () => {
    const owner = await createTestUser({ role: "staff" });
    const { key } = await apiKeyFor(owner.id, ["transactions.read", "transactions.write"]);
    const customer = await testCustomer();
    const p = await testProduct({ unitPrice: 700 });
    for (const quantity of [1, 2]) {
      await callRoute(POST, "POST", "/api/v1/transactions", {
        key,
        body: { customerId: customer.id, paymentMethod: "cash", lines: [{ productId: p.id, quantity }] },
      });
    }
    const res = await callRoute(GET, "GET", "/api/v1/transactions/export", {
      key,
      query: { customer_id: customer.id, sort: "total" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const rows = String(res.body).trim().split("\r\n");
    expect(rows[0]).toBe(
      "number,occurred_at,status,payment_method,currency,total_minor,refunded_minor,lines,customer,customer_id,staff,staff_id,id",
    );
    expect(rows.slice(1).map((r) => r.split(",")[5])).toEqual(["700", "1400"]);
    expect(
      (await callRoute(GET, "GET", "/api/v1/transactions/export", { key, query: { status: "x'--" } })).status,
    ).toBe(422);
    expect((await callRoute(GET, "GET", "/api/v1/transactions/export", {})).status).toBe(401);
    const other = await apiKeyFor(owner.id, ["customers.read"]);
    expect((await callRoute(GET, "GET", "/api/v1/transactions/export", { key: other.key })).status).toBe(403);
  });
});
