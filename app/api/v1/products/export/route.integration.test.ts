import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "./route";
import { makeProduct } from "@/lib/data/products/product-test-fixtures";
import { apiKeyFor } from "@/test/api-keys";
import { callRoute } from "@/test/call-route";
import { createTestUser } from "@/test/create-test-user";
import { uniqueName } from "@/test/helpers";

let reader: string;
const m = uniqueName("ex").toUpperCase();

beforeAll(async () => {
  const staff = await createTestUser({ role: "staff" });
  reader = (await apiKeyFor(staff.id, ["products.read"])).key;
  await makeProduct({ sku: `${m}-1`, name: "=HYPERLINK(\"evil\")", unitPrice: 1999, stock: 1 });
  await makeProduct({ sku: `${m}-2`, name: "Plain, with comma", unitPrice: 5, stock: 50 });
  await makeProduct({ sku: `${m}-3`, name: "Gone", archivedAt: new Date(), active: false });
});

describe("GET /api/v1/products/export", () => {
  it("streams the filtered products as CSV, formula-safe, decimal money", async () => {
    const res = await callRoute(GET, "GET", "/api/v1/products/export", { key: reader, query: { q: m, sort: "sku", cursor: "ignored", limit: "10" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="products-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = (res.body as string).trim().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(new RegExp(`^${m}-1,"'=HYPERLINK\\(""evil""\\)",,19\\.99,7\\.00,USD,8\\.25,1,3,yes,`));
    expect(lines[2]).toMatch(new RegExp(`^${m}-2,"Plain, with comma",,0\\.05,`));
    const lowOnly = await callRoute(GET, "GET", "/api/v1/products/export", { key: reader, query: { q: m, low_stock: "yes", archived: "all" } });
    expect((lowOnly.body as string).trim().split("\r\n")).toHaveLength(2);
  });

  it("422 for bad filters, 401 / 403 without a key or scope", async () => {
    for (const query of [{ sort: "1;DROP" }, { archived: "maybe" }, { low_stock: "' OR 1" }] as Record<string, string>[]) {
      expect((await callRoute(GET, "GET", "/api/v1/products/export", { key: reader, query })).status).toBe(422);
    }
    expect((await callRoute(GET, "GET", "/api/v1/products/export", { key: "odk_live_nope" })).status).toBe(401);
    const owner = await createTestUser({ role: "staff" });
    const other = await apiKeyFor(owner.id, ["customers.read"]);
    expect((await callRoute(GET, "GET", "/api/v1/products/export", { key: other.key })).status).toBe(403);
  });
});
