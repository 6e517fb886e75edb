import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST } from "./route";
import { GET } from "./[id]/route";
import { db } from "@/lib/db";
import { apiKeyFor } from "@/test/api-keys";
import { callRoute } from "@/test/call-route";
import { createTestUser } from "@/test/create-test-user";
import { uniqueName } from "@/test/helpers";

vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }),
  headers: async () => new Headers(),
}));

const address = () => `${uniqueName("mail")}@example.com`;
let sendKey: string;
let otherKey: string;
let readOnlyKey: string;
let customerId: string;

beforeAll(async () => {
  const manager = await createTestUser({ role: "manager" });
  const other = await createTestUser({ role: "manager" });
  sendKey = (await apiKeyFor(manager.id, ["email.send", "customers.read"])).key;
  otherKey = (await apiKeyFor(other.id, ["email.send"])).key;
  readOnlyKey = (await apiKeyFor(manager.id, ["customers.read"])).key;
  customerId = (await db.customer.create({ data: { name: "Ada Lovelace", email: address() }, select: { id: true } })).id;
});

const send = (body: unknown, key = sendKey) => callRoute(POST, "POST", "/api/v1/emails", { key, body });

describe("POST /api/v1/emails", () => {
  it("sends to an address or a customer: 202 with Location and the delivery state", async () => {
    const res = await send({ to: address(), subject: "Your order", text: "It is ready." });
    expect(res.status).toBe(202);
    expect(res.body.data).toMatchObject({ status: "outbox", attempts: 0, subject: "Your order" });
    expect(res.headers.get("location")).toBe(`/api/v1/emails/${res.body.data.id}`);
    const templated = await send({ customerId, template: "thank_you" });
    expect(templated.status).toBe(202);
    expect(templated.body.data).toMatchObject({ customerId, subject: "Thank you for your visit" });
    expect(JSON.stringify(templated.body)).not.toMatch(/"html"|"text"/);
  });

  it("answers 401, 403 (no scope; a customer without customers.read), 404 (unknown customer)", async () => {
    expect((await callRoute(POST, "POST", "/api/v1/emails", { body: {} })).status).toBe(401);
    expect((await send({ to: address(), subject: "Hi", text: "x" }, readOnlyKey)).status).toBe(403);
    expect((await send({ customerId, template: "thank_you" }, otherKey)).status).toBe(403);
    expect((await send({ customerId: "cmissing000000000000", template: "thank_you" })).status).toBe(404);
  });

  it("answers 422 naming each invalid field, 415 and 400 for bodies that are not JSON", async () => {
    for (const [body, field] of [
      [{ to: "nope", subject: "Hi", text: "x" }, "to"],
      [{ to: address(), text: "x" }, "subject"],
      [{ to: address(), subject: "a\nb", text: "x" }, "subject"],
      [{ to: address(), subject: "Hi", text: "" }, "text"],
      [{ to: address(), template: "<script>" }, "template"],
      [{ to: address(), template: "general_notice", variables: { customerName: "A" } }, "variables"],
      [{ to: address(), subject: "Hi", text: "x", bcc: "a@example.com" }, "_form"],
      [[], "_form"],
    ] as const) {
      const res = await send(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.errors.map((e: { field: string }) => e.field), JSON.stringify(body)).toContain(field);
    }
    const form = await callRoute(POST, "POST", "/api/v1/emails", {
      key: sendKey,
      rawBody: "to=a@example.com",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(form.status).toBe(415);
    const broken = await callRoute(POST, "POST", "/api/v1/emails", {
      key: sendKey,
      rawBody: "{not json",
      headers: { "content-type": "application/json" },
    });
    expect(broken.status).toBe(400);
  });

  it("replays a repeated Idempotency-Key instead of sending twice; another body with it is 422", async () => {
    const to = address();
    const body = { to, subject: "Once", text: "Only once." };
    const headers = { "idempotency-key": `email-${uniqueName("k")}` };
    const first = await callRoute(POST, "POST", "/api/v1/emails", { key: sendKey, body, headers });
    const again = await callRoute(POST, "POST", "/api/v1/emails", { key: sendKey, body, headers });
    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    expect(again.body.data.id).toBe(first.body.data.id);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await db.emailOutbox.count({ where: { to } })).toBe(1);
    const other = await callRoute(POST, "POST", "/api/v1/emails", {
      key: sendKey,
      body: { ...body, text: "Something else." },
      headers,
    });
    expect(other.status).toBe(422);
  });

  it("answers 429 with Retry-After once a recipient has had enough", async () => {
    const to = address();
    for (let i = 0; i < 10; i++) expect((await send({ to, subject: `#${i}`, text: "x" })).status).toBe(202);
    const res = await send({ to, subject: "again", text: "x" });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("GET /api/v1/emails/{id}", () => {
  it("shows the sender their email, and 404 for another sender's id or a missing one", async () => {
    const sent = await send({ to: address(), subject: "Status", text: "x" });
    const id = sent.body.data.id as string;
    const res = await callRoute(GET, "GET", `/api/v1/emails/${id}`, { key: sendKey, params: { id } });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id, status: "outbox", attempts: 0, lastError: null, sentAt: null });
    expect((await callRoute(GET, "GET", `/api/v1/emails/${id}`, { key: otherKey, params: { id } })).status).toBe(404);
    for (const missing of ["cmissing000000000000", "' OR 1=1 --"]) {
      expect((await callRoute(GET, "GET", "/api/v1/emails/x", { key: sendKey, params: { id: missing } })).status).toBe(404);
    }
  });

  it("answers 401 without a key and 403 to a key that can neither send nor read the outbox", async () => {
    expect((await callRoute(GET, "GET", "/api/v1/emails/x", { params: { id: "x" } })).status).toBe(401);
    expect((await callRoute(GET, "GET", "/api/v1/emails/x", { key: readOnlyKey, params: { id: "x" } })).status).toBe(403);
  });
});
