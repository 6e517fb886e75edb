import { beforeAll, describe, expect, it } from "vitest";
import { GET as LIST } from "./route";
import { GET as ONE } from "./[id]/route";
import { GET as EXPORT } from "./export/route";
import { audit } from "@/lib/audit/audit";
import { apiKeyFor } from "@/test/api-keys";
import { callRoute } from "@/test/call-route";
import { createTestUser } from "@/test/create-test-user";
import { testContext, uniqueName } from "@/test/helpers";

let reader: string;
let ownOnly: string;
let ownerId: string;
const m = uniqueName("ae");

beforeAll(async () => {
  const manager = await createTestUser({ role: "manager" });
  ownerId = manager.id;
  reader = (await apiKeyFor(manager.id, ["audit.read"])).key;
  ownOnly = (await apiKeyFor(manager.id, ["audit.read_own"])).key;
  for (const [i, action] of (["auth.sign_in_failed", "customer.created", "auth.sign_in_failed"] as const).entries()) {
    await audit({
      action,
      actorId: manager.id,
      targetType: "customer",
      targetId: `${m}-${i}`,
      targetName: i === 1 ? "=cmd|' /C calc'!A0" : `${m} target`,
      metadata: { marker: m, i },
      context: testContext(),
    });
  }
});

describe("GET /api/v1/audit-events", () => {
  it("lists a keyset page, newest first, with filters and total", async () => {
    const res = await callRoute(LIST, "GET", "/api/v1/audit-events", {
      key: reader,
      query: { q: m, limit: "10", total: "true" },
    });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(3);
    expect(res.body.data.map((e: { metadata: { i: number } }) => e.metadata.i)).toEqual([2, 1, 0]);
    expect(res.body.data[0]).toMatchObject({
      action: "auth.sign_in_failed",
      label: "Failed sign-in",
      outcome: "failure",
      actor: { id: ownerId, type: "user" },
      target: { type: "customer", id: `${m}-2` },
    });
    expect(res.body.data[0]).not.toHaveProperty("hash");
    const failed = await callRoute(LIST, "GET", "/api/v1/audit-events", {
      key: reader,
      query: { q: m, action: "auth.*", outcome: "failure", limit: "10" },
    });
    expect(failed.body.data).toHaveLength(2);
    const page1 = await callRoute(LIST, "GET", "/api/v1/audit-events", { key: reader, query: { q: m, limit: "10" } });
    expect(page1.body.next_cursor).toBeNull();
  });

  it("answers 422 for injection-shaped or invalid parameters", async () => {
    for (const query of <Record<string, string>[]>[
      { sort: "seq;DROP TABLE AuditEvent" },
      { sort: "createdAt" },
      { cursor: "' OR 1=1 --" },
      { cursor: "eyJzIjoiLXNlcSJ9" },
      { limit: "1000000" },
      { action: "auth' OR '1'='1" },
      { outcome: "maybe" },
      { ip: "1.2.3.4; rm -rf" },
      { from: "yesterday" },
      { range: "1y" },
      { q: "a".repeat(201) },
      { actor: "../../etc/passwd" },
    ]) {
      const res = await callRoute(LIST, "GET", "/api/v1/audit-events", { key: reader, query });
      expect(res.status, JSON.stringify(query)).toBe(422);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    }
    // A NUL byte is refused before parsing (PostgreSQL text cannot hold it).
    const nul = await callRoute(LIST, "GET", "/api/v1/audit-events", { key: reader, query: { q: "nul\u0000byte" } });
    expect(nul.status).toBe(400);
    // A harmless search that looks like SQL is just text: no match, no error.
    const sqlish = await callRoute(LIST, "GET", "/api/v1/audit-events", {
      key: reader,
      query: { q: "%' OR 1=1 --" },
    });
    expect(sqlish.status).toBe(200);
    expect(sqlish.body.data).toEqual([]);
  });

  it("answers 401 without a key and 403 without audit.read", async () => {
    expect((await callRoute(LIST, "GET", "/api/v1/audit-events")).status).toBe(401);
    expect((await callRoute(LIST, "GET", "/api/v1/audit-events", { key: "odk_live_nope" })).status).toBe(401);
    expect((await callRoute(LIST, "GET", "/api/v1/audit-events", { key: ownOnly })).status).toBe(403);
  });
});

describe("GET /api/v1/audit-events/{id}", () => {
  it("returns the event with its diff; 404 for unknown ids; 401/403", async () => {
    const list = await callRoute(LIST, "GET", "/api/v1/audit-events", { key: reader, query: { q: m, limit: "10" } });
    const id = list.body.data[0].id as string;
    const res = await callRoute(ONE, "GET", `/api/v1/audit-events/${id}`, { key: reader, params: { id } });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id, diff: { fields: [], lists: [] } });
    for (const bad of ["nope", "1 OR 1=1"]) {
      const missing = await callRoute(ONE, "GET", "/api/v1/audit-events/x", { key: reader, params: { id: bad } });
      expect(missing.status).toBe(404);
    }
    expect((await callRoute(ONE, "GET", "/api/v1/audit-events/x", { params: { id } })).status).toBe(401);
    expect((await callRoute(ONE, "GET", "/api/v1/audit-events/x", { key: ownOnly, params: { id } })).status).toBe(403);
  });
});

describe("GET /api/v1/audit-events/export", () => {
  it("streams CSV by default and JSONL on request, ignoring cursor and limit", async () => {
    const csv = await callRoute(EXPORT, "GET", "/api/v1/audit-events/export", {
      key: reader,
      query: { q: `"marker":"${m}"`, limit: "10", cursor: "ignored" },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="activity-log-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = (csv.body as string).trim().split("\r\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^id,seq,created_at,action,/);
    // The formula-shaped target name is neutralised.
    expect(lines[2]).toContain(",'=cmd|' /C calc'!A0,");
    const jsonl = await callRoute(EXPORT, "GET", "/api/v1/audit-events/export", {
      key: reader,
      query: { q: `"marker":"${m}"`, format: "jsonl" },
    });
    expect(jsonl.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
    const events = (jsonl.body as string)
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { metadata: { i: number } });
    expect(events.map((e) => e.metadata.i)).toEqual([2, 1, 0]);
  });

  it("answers 422 for a bad format or filter, 401 and 403", async () => {
    const bad = await callRoute(EXPORT, "GET", "/api/v1/audit-events/export", { key: reader, query: { format: "xlsx" } });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([{ field: "format", message: "format is csv or jsonl." }]);
    expect(
      (await callRoute(EXPORT, "GET", "/api/v1/audit-events/export", { key: reader, query: { sort: "1;--" } })).status,
    ).toBe(422);
    expect((await callRoute(EXPORT, "GET", "/api/v1/audit-events/export")).status).toBe(401);
    expect((await callRoute(EXPORT, "GET", "/api/v1/audit-events/export", { key: ownOnly })).status).toBe(403);
  });

  it("refuses a cookie-carrying export that another site started", async () => {
    for (const site of ["cross-site", "same-site"]) {
      const res = await callRoute(EXPORT, "GET", "/api/v1/audit-events/export", {
        headers: { cookie: "authjs.session-token=x", "sec-fetch-site": site },
      });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe("cross_site_request");
    }
  });

  it("audits the export as the key's action", async () => {
    await callRoute(EXPORT, "GET", "/api/v1/audit-events/export", { key: reader, query: { action: "auth.*" } });
    const res = await callRoute(LIST, "GET", "/api/v1/audit-events", {
      key: reader,
      query: { action: "audit.exported", actor: ownerId, limit: "10" },
    });
    expect(res.body.data[0]).toMatchObject({
      action: "audit.exported",
      actor: { type: "api_key" },
      metadata: { format: "csv", filter: "action=auth.*" },
    });
    expect(res.body.data[0].actor.apiKeyId).toBeTruthy();
  });
});
