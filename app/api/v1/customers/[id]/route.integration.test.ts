import { beforeAll, describe, expect, it } from "vitest";
import { DELETE, GET, PATCH } from "./route";
import { POST } from "../route";
import { saleFor } from "@/lib/data/customers/customers-test-kit";
import { apiKeyFor } from "@/test/api-keys";
import { callRoute } from "@/test/call-route";
import { createTestUser } from "@/test/create-test-user";
import { uniqueName } from "@/test/helpers";

let writer: string;
let reader: string;
let staffId: string;
const m = uniqueName("ri");

beforeAll(async () => {
  const staff = await createTestUser({ role: "staff" });
  staffId = staff.id;
  writer = (await apiKeyFor(staff.id, ["customers.read", "customers.write"])).key;
  reader = (await apiKeyFor(staff.id, ["customers.read"])).key;
});

async function make(body: Record<string, unknown> = {}) {
  const res = await callRoute(POST, "POST", "/api/v1/customers", { key: writer, body: { name: `${m} c`, ...body } });
  expect(res.status).toBe(201);
  return res.body.data as { id: string; version: number };
}

const path = (id: string) => `/api/v1/customers/${id}`;

describe("GET /api/v1/customers/{id}", () => {
  it("answers the record with its ETag, 304 when unchanged, 404 for unknown ids", async () => {
    const c = await make({ email: `${m}.get@example.com` });
    const res = await callRoute(GET, "GET", path(c.id), { key: reader, params: { id: c.id } });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id: c.id, email: `${m}.get@example.com` });
    expect(res.headers.get("etag")).toBe('"1"');
    const again = await callRoute(GET, "GET", path(c.id), {
      key: reader,
      params: { id: c.id },
      headers: { "if-none-match": '"1"' },
    });
    expect(again.status).toBe(304);
    for (const id of ["cmissing00000000000000000", "' OR 1=1 --", "../../etc/passwd", "x".repeat(300)]) {
      const missing = await callRoute(GET, "GET", path(id), { key: reader, params: { id } });
      expect(missing.status, id).toBe(404);
    }
    expect((await callRoute(GET, "GET", path(c.id), { key: "odk_live_nope", params: { id: c.id } })).status).toBe(401);
  });
});

describe("PATCH /api/v1/customers/{id}", () => {
  it("updates with If-Match, then refuses the stale version with 412", async () => {
    const c = await make();
    const res = await callRoute(PATCH, "PATCH", path(c.id), {
      key: writer,
      params: { id: c.id },
      body: { phone: "+1 555 0100" },
      headers: { "if-match": '"1"' },
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ phone: "+1 555 0100", version: 2 });
    expect(res.headers.get("etag")).toBe('"2"');
    const stale = await callRoute(PATCH, "PATCH", path(c.id), {
      key: writer,
      params: { id: c.id },
      body: { phone: "+1 555 0199" },
      headers: { "if-match": '"1"' },
    });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe("precondition_failed");
    const malformed = await callRoute(PATCH, "PATCH", path(c.id), {
      key: writer,
      params: { id: c.id },
      body: { phone: "1" },
      headers: { "if-match": 'W/"x\' OR 1=1"' },
    });
    expect(malformed.status).toBe(412);
  });

  it("answers 409 for a taken email, 422 per field, 404, 403 and 415", async () => {
    await make({ email: `${m}.taken@example.com` });
    const c = await make();
    const call = (body: unknown, key = writer, id = c.id) =>
      callRoute(PATCH, "PATCH", path(id), { key, params: { id }, body });
    const conflict = await call({ email: `${m}.TAKEN@example.com` });
    expect(conflict.status).toBe(409);
    expect(conflict.body.errors[0].field).toBe("email");
    for (const [body, field] of [
      [{ name: "" }, "name"],
      [{ email: "nope" }, "email"],
      [{ tags: [1] }, "tags"],
      [{ version: 9 }, "_form"],
    ] as const) {
      const res = await call(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect((await call({ name: "x" }, writer, "cmissing00000000000000000")).status).toBe(404);
    expect((await call({ name: "x" }, reader)).status).toBe(403);
    const form = await callRoute(PATCH, "PATCH", path(c.id), {
      key: writer,
      params: { id: c.id },
      rawBody: "name=x",
      headers: { "content-type": "text/plain" },
    });
    expect(form.status).toBe(415);
  });
});

describe("DELETE /api/v1/customers/{id}", () => {
  it("deletes a customer without transactions and says so", async () => {
    const c = await make();
    const stale = await callRoute(DELETE, "DELETE", path(c.id), {
      key: writer,
      params: { id: c.id },
      headers: { "if-match": '"5"' },
    });
    expect(stale.status).toBe(412);
    const res = await callRoute(DELETE, "DELETE", path(c.id), {
      key: writer,
      params: { id: c.id },
      headers: { "if-match": '"1"' },
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ outcome: "deleted", id: c.id });
    expect((await callRoute(GET, "GET", path(c.id), { key: reader, params: { id: c.id } })).status).toBe(404);
    expect((await callRoute(DELETE, "DELETE", path(c.id), { key: writer, params: { id: c.id } })).status).toBe(404);
  });

  it("archives a customer with transactions instead", async () => {
    const c = await make();
    await saleFor(c.id, staffId);
    const res = await callRoute(DELETE, "DELETE", path(c.id), { key: writer, params: { id: c.id } });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      outcome: "archived",
      transactions: 1,
      customer: { archived: true, version: 2 },
    });
    expect(res.headers.get("etag")).toBe('"2"');
    expect((await callRoute(DELETE, "DELETE", path(c.id), { key: reader, params: { id: c.id } })).status).toBe(403);
  });
});
