import { describe, expect, it, vi } from "vitest";

// A request without a key falls back to the browser session: outside Next there is no cookie.
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }),
  headers: async () => new Headers(),
}));

import { GET, POST } from "./route";
import { banOwner, stockOf, testCustomer, testProduct } from "@/lib/data/transactions/test-fixtures";
import { apiKeyFor } from "@/test/api-keys";
import { callRoute } from "@/test/call-route";
import { createTestUser } from "@/test/create-test-user";

async function staffKey(scopes: Parameters<typeof apiKeyFor>[1] = ["transactions.read", "transactions.write"]) {
  const owner = await createTestUser({ role: "staff" });
  return { owner, ...(await apiKeyFor(owner.id, scopes)) };
}

function fields(body: { errors?: { field: string }[] }): string[] {
  return (body.errors ?? []).map((e) => e.field).sort();
}

describe("POST /api/v1/transactions", () => {
  it("records a sale with server-computed totals: 201, Location, ETag, stock taken", async () => {
    const { key, owner } = await staffKey();
    const a = await testProduct({ unitPrice: 1250, taxRateBps: 825, stock: 5 });
    const b = await testProduct({ unitPrice: 799, stock: 4 });
    const customer = await testCustomer();
    const res = await callRoute(POST, "POST", "/api/v1/transactions", {
      key,
      body: {
        customerId: customer.id,
        paymentMethod: "card",
        lines: [
          { productId: a.id, quantity: 2, discount: 100 },
          { productId: b.id, quantity: 3 },
        ],
        discount: 500,
        total: 1,
        tax: 0,
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ subtotal: 4797, discount: 500, tax: 177, total: 4474, status: "completed" });
    expect(res.body.data.staff.id).toBe(owner.id);
    expect(res.headers.get("location")).toBe(`/api/v1/transactions/${res.body.data.id}`);
    expect(res.headers.get("etag")).toBe('"1"');
    expect(await stockOf(a.id)).toBe(3);
    expect(await stockOf(b.id)).toBe(1);
  });

  it("refuses an oversell with 409 naming the product, and takes no stock", async () => {
    const { key } = await staffKey();
    const ok = await testProduct({ stock: 3 });
    const scarce = await testProduct({ stock: 1, name: "Brass Lamp" });
    const res = await callRoute(POST, "POST", "/api/v1/transactions", {
      key,
      body: {
        paymentMethod: "cash",
        lines: [
          { productId: ok.id, quantity: 1 },
          { productId: scarce.id, quantity: 2 },
        ],
      },
    });
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.body.detail).toContain("Brass Lamp");
    expect(fields(res.body)).toEqual(["lines.1.quantity"]);
    expect(await stockOf(ok.id)).toBe(3);
    expect(await stockOf(scarce.id)).toBe(1);
  });

  it("sells the last unit once to parallel requests", async () => {
    const keys = await Promise.all([1, 2, 3, 4].map(() => staffKey()));
    const last = await testProduct({ stock: 1 });
    const results = await Promise.all(
      keys.map(({ key }) =>
        callRoute(POST, "POST", "/api/v1/transactions", {
          key,
          body: { paymentMethod: "cash", lines: [{ productId: last.id, quantity: 1 }] },
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    expect(await stockOf(last.id)).toBe(0);
  });

  it("answers 422 naming each invalid field", async () => {
    const { key } = await staffKey();
    const p = await testProduct();
    const archived = await testCustomer({ archived: true });
    const cases: [unknown, string[]][] = [
      [{ lines: [{ productId: p.id, quantity: 1 }] }, ["paymentMethod"]],
      [{ paymentMethod: "iou", lines: [] }, ["lines", "paymentMethod"]],
      [{ paymentMethod: "cash", lines: [{ productId: p.id, quantity: 0 }] }, ["lines.0.quantity"]],
      [{ paymentMethod: "cash", lines: [{ productId: p.id, quantity: 1.5 }] }, ["lines.0.quantity"]],
      [{ paymentMethod: "cash", lines: [{ productId: p.id, quantity: 1, discount: -1 }] }, ["lines.0.discount"]],
      [{ paymentMethod: "cash", lines: [{ productId: p.id, quantity: 1, discount: 1001 }] }, ["lines.0.discount"]],
      [{ paymentMethod: "cash", lines: [{ productId: "x' OR 1=1 --", quantity: 1 }] }, ["lines.0.productId"]],
      [{ paymentMethod: "cash", lines: [{ productId: "nosuchproduct", quantity: 1 }] }, ["lines.0.productId"]],
      [{ paymentMethod: "cash", lines: [{ productId: p.id, quantity: 1 }], discount: "5" }, ["discount"]],
      [{ paymentMethod: "cash", lines: [{ productId: p.id, quantity: 1 }], discount: 2000 }, ["discount"]],
      [{ paymentMethod: "cash", customerId: archived.id, lines: [{ productId: p.id, quantity: 1 }] }, ["customerId"]],
      [{ paymentMethod: "cash", note: "x".repeat(501), lines: [{ productId: p.id, quantity: 1 }] }, ["note"]],
      [[1, 2], ["_form"]],
    ];
    for (const [body, expected] of cases) {
      const res = await callRoute(POST, "POST", "/api/v1/transactions", { key, body });
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(422);
      expect(fields(res.body), JSON.stringify(body).slice(0, 80)).toEqual(expected);
    }
    expect(await stockOf(p.id)).toBe(10);
  });

  it("answers 400, 413 and 415 for bodies that are not a JSON value of the right size and type", async () => {
    const { key } = await staffKey();
    const bad = await callRoute(POST, "POST", "/api/v1/transactions", {
      key,
      rawBody: "{not json",
      headers: { "content-type": "application/json" },
    });
    expect(bad.status).toBe(400);
    const type = await callRoute(POST, "POST", "/api/v1/transactions", {
      key,
      rawBody: "paymentMethod=cash",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(type.status).toBe(415);
    const big = await callRoute(POST, "POST", "/api/v1/transactions", {
      key,
      rawBody: JSON.stringify({ note: "x".repeat(70 * 1024) }),
      headers: { "content-type": "application/json" },
    });
    expect(big.status).toBe(413);
  });

  it("answers 401 without a usable key or for a banned owner, 403 without the scope", async () => {
    const p = await testProduct();
    const body = { paymentMethod: "cash", lines: [{ productId: p.id, quantity: 1 }] };
    expect((await callRoute(POST, "POST", "/api/v1/transactions", { body })).status).toBe(401);
    const owner = await createTestUser({ role: "staff" });
    const revoked = await apiKeyFor(owner.id, ["transactions.write"], { revokedAt: new Date() });
    expect((await callRoute(POST, "POST", "/api/v1/transactions", { key: revoked.key, body })).status).toBe(401);
    const expired = await apiKeyFor(owner.id, ["transactions.write"], { expiresAt: new Date(Date.now() - 1000) });
    expect((await callRoute(POST, "POST", "/api/v1/transactions", { key: expired.key, body })).status).toBe(401);
    const banned = await staffKey();
    await banOwner(banned.owner.id);
    expect((await callRoute(POST, "POST", "/api/v1/transactions", { key: banned.key, body })).status).toBe(401);
    const readOnly = await staffKey(["transactions.read"]);
    const res = await callRoute(POST, "POST", "/api/v1/transactions", { key: readOnly.key, body });
    expect(res.status).toBe(403);
    // A key never outranks its owner: a User's key scoped to transactions.write cannot sell.
    const plain = await createTestUser({ role: "user" });
    const over = await apiKeyFor(plain.id, ["transactions.write"]);
    expect((await callRoute(POST, "POST", "/api/v1/transactions", { key: over.key, body })).status).toBe(403);
    expect(await stockOf(p.id)).toBe(10);
  });

  it("replays an idempotent retry instead of selling twice", async () => {
    const { key } = await staffKey();
    const p = await testProduct({ stock: 5 });
    const body = { paymentMethod: "cash", lines: [{ productId: p.id, quantity: 2 }] };
    const headers = { "idempotency-key": `sale-${p.id}` };
    const first = await callRoute(POST, "POST", "/api/v1/transactions", { key, body, headers });
    const again = await callRoute(POST, "POST", "/api/v1/transactions", { key, body, headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.data.id).toBe(first.body.data.id);
    expect(await stockOf(p.id)).toBe(3);
  });
});

describe("GET /api/v1/transactions", () => {
  it("lists with filters, sort and cursor pagination", async () => {
    const { key } = await staffKey();
    const customer = await testCustomer();
    const p = await testProduct({ unitPrice: 100, stock: 50 });
    const ids: string[] = [];
    for (const quantity of [1, 2, 3]) {
      const res = await callRoute(POST, "POST", "/api/v1/transactions", {
        key,
        body: {
          customerId: customer.id,
          paymentMethod: quantity === 2 ? "card" : "cash",
          lines: [{ productId: p.id, quantity }],
        },
      });
      ids.push(res.body.data.id);
    }
    const page1 = await callRoute(GET, "GET", "/api/v1/transactions", {
      key,
      query: { customer_id: customer.id, sort: "-total", limit: "10", total: "true" },
    });
    expect(page1.status).toBe(200);
    expect(page1.body.data.map((t: { id: string }) => t.id)).toEqual([ids[2], ids[1], ids[0]]);
    expect(page1.body.total).toBe(3);
    expect(page1.body.next_cursor).toBeNull();
    const card = await callRoute(GET, "GET", "/api/v1/transactions", {
      key,
      query: { customer_id: customer.id, payment_method: "card" },
    });
    expect(card.body.data.map((t: { id: string }) => t.id)).toEqual([ids[1]]);
    expect(card.body.total).toBeUndefined();

    // Pages of 10 over the shared table: the cursor moves on without repeating a row.
    const first = await callRoute(GET, "GET", "/api/v1/transactions", { key, query: { limit: "10", sort: "number" } });
    if (first.body.next_cursor) {
      const second = await callRoute(GET, "GET", "/api/v1/transactions", {
        key,
        query: { limit: "10", sort: "number", cursor: first.body.next_cursor },
      });
      expect(second.status).toBe(200);
      expect(second.body.data[0].number).toBeGreaterThan(first.body.data.at(-1).number);
    }
  });

  it("answers 4xx, never 500, to injection-shaped values; 401 and 403 for the wrong principal", async () => {
    const { key } = await staffKey();
    const cases: Record<string, string>[] = [
      { sort: "total; DROP TABLE Transaction" },
      { sort: "-password" },
      { cursor: "' OR '1'='1" },
      { cursor: "eyJzIjoiLW9jY3VycmVkQXQiLCJ2IjpbIng" },
      { customer_id: "1' OR '1'='1" },
      { staff_id: "../../etc/passwd" },
      { status: "completed' --" },
      { payment_method: "cash OR 1=1" },
      { from: "2026-01-01'; --" },
      { to: "yesterday" },
      { limit: "1000000" },
      { total: "maybe" },
    ];
    for (const query of cases) {
      const res = await callRoute(GET, "GET", "/api/v1/transactions", { key, query });
      expect(res.status, JSON.stringify(query)).toBe(422);
      expect(fields(res.body).length, JSON.stringify(query)).toBeGreaterThan(0);
    }
    const q = await callRoute(GET, "GET", "/api/v1/transactions", { key, query: { q: "1 OR 1=1" } });
    expect(q.status).toBe(200);
    expect(q.body.data).toEqual([]);
    expect((await callRoute(GET, "GET", "/api/v1/transactions", {})).status).toBe(401);
    const other = await staffKey(["customers.read"]);
    expect((await callRoute(GET, "GET", "/api/v1/transactions", { key: other.key })).status).toBe(403);
  });
});
