import { beforeAll, describe, expect, it } from "vitest";
import { GET, POST } from "./route";
import { apiKeyFor } from "@/test/api-keys";
import { callRoute } from "@/test/call-route";
import { createTestUser } from "@/test/create-test-user";
import { uniqueName } from "@/test/helpers";

let writer: string;
let reader: string;
let revoked: string;
const m = uniqueName("rc");

beforeAll(async () => {
  const staff = await createTestUser({ role: "staff" });
  writer = (await apiKeyFor(staff.id, ["customers.read", "customers.write"])).key;
  reader = (await apiKeyFor(staff.id, ["customers.read"])).key;
  revoked = (await apiKeyFor(staff.id, ["customers.read"], { revokedAt: new Date() })).key;
});

describe("POST /api/v1/customers", () => {
  it("creates a customer: 201 with ETag, Location and the record", async () => {
    const res = await callRoute(POST, "POST", "/api/v1/customers", {
      key: writer,
      body: { name: `${m} Ada`, email: `${m}.Ada@Example.com`, tags: ["VIP"] },
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ name: `${m} Ada`, email: `${m}.ada@example.com`, tags: ["vip"], version: 1 });
    expect(res.headers.get("etag")).toBe('"1"');
    expect(res.headers.get("location")).toBe(`/api/v1/customers/${res.body.data.id}`);
  });

  it("answers 409 naming email for a taken address, whatever its case", async () => {
    await callRoute(POST, "POST", "/api/v1/customers", {
      key: writer,
      body: { name: "One", email: `${m}.dup@example.com` },
    });
    const res = await callRoute(POST, "POST", "/api/v1/customers", {
      key: writer,
      body: { name: "Two", email: `${m}.DUP@example.com` },
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("conflict");
    expect(res.body.errors).toEqual([{ field: "email", message: expect.stringMatching(/already/) }]);
  });

  it("answers 422 naming each invalid field", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ name: "" }, "name"],
      [{ email: "x" }, "name"],
      [{ name: "A", email: "not-mail" }, "email"],
      [{ name: "A", phone: "DROP TABLE" }, "phone"],
      [{ name: "A", address: "a".repeat(501) }, "address"],
      [{ name: "A", notes: "n".repeat(2001) }, "notes"],
      [{ name: "A", tags: "vip" }, "tags"],
      [{ name: "A", tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, "tags"],
    ];
    for (const [body, field] of cases) {
      const res = await callRoute(POST, "POST", "/api/v1/customers", { key: writer, body });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });

  it("answers 415 for a non-JSON body, 400 for broken JSON, 413 for a huge one", async () => {
    const text = await callRoute(POST, "POST", "/api/v1/customers", {
      key: writer,
      rawBody: "name=Ada",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(text.status).toBe(415);
    const broken = await callRoute(POST, "POST", "/api/v1/customers", {
      key: writer,
      rawBody: "{",
      headers: { "content-type": "application/json" },
    });
    expect(broken.status).toBe(400);
    const huge = await callRoute(POST, "POST", "/api/v1/customers", {
      key: writer,
      rawBody: JSON.stringify({ name: "A", notes: "x".repeat(70_000) }),
      headers: { "content-type": "application/json" },
    });
    expect(huge.status).toBe(413);
  });

  it("answers 401 without a valid key and 403 for a read-only key", async () => {
    // Without any Authorization the session path needs Next's request scope: e2e/api/customers.spec.ts covers it.
    expect(
      (await callRoute(POST, "POST", "/api/v1/customers", { key: "odk_live_nope", body: { name: "A" } })).status,
    ).toBe(401);
    expect((await callRoute(POST, "POST", "/api/v1/customers", { key: revoked, body: { name: "A" } })).status).toBe(
      401,
    );
    const res = await callRoute(POST, "POST", "/api/v1/customers", { key: reader, body: { name: "A" } });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe("forbidden");
  });
});

describe("GET /api/v1/customers", () => {
  beforeAll(async () => {
    for (let i = 0; i < 12; i++) {
      await callRoute(POST, "POST", "/api/v1/customers", {
        key: writer,
        body: { name: `${m} list ${String(i).padStart(2, "0")}`, tags: i % 2 ? ["odd"] : [] },
      });
    }
  });

  it("pages with next_cursor, counts with total=true, filters and sorts", async () => {
    const first = await callRoute(GET, "GET", "/api/v1/customers", {
      key: reader,
      query: { q: `${m} list`, limit: "10", sort: "-name", total: "true" },
    });
    expect(first.status).toBe(200);
    expect(first.body.total).toBe(12);
    expect(first.body.data).toHaveLength(10);
    expect(first.body.data[0].name).toBe(`${m} list 11`);
    const second = await callRoute(GET, "GET", "/api/v1/customers", {
      key: reader,
      query: { q: `${m} list`, limit: "10", sort: "-name", cursor: first.body.next_cursor },
    });
    expect(second.body.data.map((c: { name: string }) => c.name)).toEqual([`${m} list 01`, `${m} list 00`]);
    expect(second.body.next_cursor).toBeNull();
    expect(second.body).not.toHaveProperty("total");
    const odd = await callRoute(GET, "GET", "/api/v1/customers", {
      key: reader,
      query: { q: `${m} list`, tag: "ODD", total: "true" },
    });
    expect(odd.body.total).toBe(6);
  });

  it("answers 422, never 500, for injection-shaped parameters", async () => {
    const bad: Record<string, string>[] = [
      { sort: "name; DROP TABLE Customer" },
      { sort: "-passwordHash" },
      { cursor: "' OR '1'='1" },
      { cursor: Buffer.from('{"s":"name","v":[{"$gt":""}],"id":"x"}').toString("base64url") },
      { tag: "x' OR 1=1 --" },
      { archived: "1 OR 1=1" },
      { limit: "-1" },
      { total: "yes" },
      { q: "%".repeat(300) },
    ];
    for (const query of bad) {
      const res = await callRoute(GET, "GET", "/api/v1/customers", { key: reader, query });
      expect(res.status, JSON.stringify(query)).toBe(422);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
    }
    for (const q of ["' OR 1=1 --", "%_%", "\\", "$where", "🙂"]) {
      const res = await callRoute(GET, "GET", "/api/v1/customers", { key: reader, query: { q } });
      expect(res.status, q).toBe(200);
    }
  });

  it("a cursor from another sort is refused", async () => {
    const page = await callRoute(GET, "GET", "/api/v1/customers", {
      key: reader,
      query: { q: `${m} list`, limit: "10" },
    });
    const res = await callRoute(GET, "GET", "/api/v1/customers", {
      key: reader,
      query: { q: `${m} list`, limit: "10", sort: "createdAt", cursor: page.body.next_cursor },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].field).toBe("cursor");
  });

  it("answers 401 without a key and 403 for a key without customers.read", async () => {
    expect(
      (await callRoute(GET, "GET", "/api/v1/customers", { headers: { authorization: "Basic eDp5" } })).status,
    ).toBe(401);
    const owner = await createTestUser({ role: "staff" });
    const other = await apiKeyFor(owner.id, ["products.read"]);
    expect((await callRoute(GET, "GET", "/api/v1/customers", { key: other.key })).status).toBe(403);
  });
});
