import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "./route";
import { POST } from "../route";
import { apiKeyFor } from "@/test/api-keys";
import { callRoute } from "@/test/call-route";
import { createTestUser } from "@/test/create-test-user";
import { uniqueName } from "@/test/helpers";

let reader: string;
const m = uniqueName("ex");

beforeAll(async () => {
  const staff = await createTestUser({ role: "staff" });
  const writer = (await apiKeyFor(staff.id, ["customers.write"])).key;
  reader = (await apiKeyFor(staff.id, ["customers.read"])).key;
  for (const name of ["b", "a", "=SUM(A1)", "c"]) {
    await callRoute(POST, "POST", "/api/v1/customers", { key: writer, body: { name: `${m} ${name}`, tags: ["ex"] } });
  }
});

describe("GET /api/v1/customers/export", () => {
  it("streams the current filter as CSV, ignoring cursor and limit", async () => {
    const res = await callRoute(GET, "GET", "/api/v1/customers/export", {
      key: reader,
      query: { q: m, sort: "-name", limit: "10", cursor: "ignored" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="customers-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = parse(res.body as string) as string[][];
    expect(rows[0]?.slice(0, 6)).toEqual(["name", "email", "phone", "address", "notes", "tags"]);
    expect(rows.slice(1).map((r) => r[0])).toEqual([`${m} c`, `${m} b`, `${m} a`, `${m} =SUM(A1)`]);
  });

  it("answers 422 for bad filters, 401 and 403", async () => {
    expect(
      (await callRoute(GET, "GET", "/api/v1/customers/export", { key: reader, query: { sort: "1;--" } })).status,
    ).toBe(422);
    expect((await callRoute(GET, "GET", "/api/v1/customers/export", { key: "odk_live_nope" })).status).toBe(401);
    const owner = await createTestUser({ role: "staff" });
    const other = await apiKeyFor(owner.id, ["products.read"]);
    expect((await callRoute(GET, "GET", "/api/v1/customers/export", { key: other.key })).status).toBe(403);
  });
});
