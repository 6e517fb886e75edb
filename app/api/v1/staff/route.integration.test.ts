import { beforeAll, describe, expect, it, vi } from "vitest";

// No browser session in these tests: a request without a key finds no cookie.
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }),
  headers: async () => new Headers(),
}));

import { GET as LIST } from "./route";
import { GET, PATCH } from "./[id]/route";
import { db } from "@/lib/db";
import { apiKeyFor } from "@/test/api-keys";
import { callRoute } from "@/test/call-route";
import { createTestUser } from "@/test/create-test-user";
import { uniqueName } from "@/test/helpers";

const marker = uniqueName("sapi");
let readKey: string;
let writeKey: string;
let noScopeKey: string;
let memberId: string;
let otherId: string;
let plainId: string;

beforeAll(async () => {
  const manager = await createTestUser({ role: "manager" });
  readKey = (await apiKeyFor(manager.id, ["staff.read"])).key;
  writeKey = (await apiKeyFor(manager.id, ["staff.read", "staff.write"])).key;
  noScopeKey = (await apiKeyFor(manager.id, ["customers.read"])).key;
  const member = await createTestUser({ role: "staff", firstName: `A${marker}` });
  const other = await createTestUser({ role: "staff", firstName: `B${marker}` });
  const plain = await createTestUser({ role: "user", firstName: `C${marker}` });
  [memberId, otherId, plainId] = [member.id, other.id, plain.id];
  await db.staffProfile.create({ data: { userId: otherId, employeeNumber: `${marker}-taken` } });
});

describe("GET /api/v1/staff", () => {
  it("lists staff members in the list envelope, total only when asked", async () => {
    const res = await callRoute(LIST, "GET", "/api/v1/staff", { key: readKey, query: { q: marker } });
    expect(res.status).toBe(200);
    expect(res.body.data.map((m: { id: string }) => m.id)).toEqual([memberId, otherId]);
    expect(res.body.next_cursor).toBeNull();
    expect(res.body).not.toHaveProperty("total");
    expect(JSON.stringify(res.body)).not.toMatch(/passwordHash|totpSecret/);
    const counted = await callRoute(LIST, "GET", "/api/v1/staff", {
      key: readKey,
      query: { q: marker, total: "true", limit: "10", sort: "-employeeNumber" },
    });
    expect(counted.body.total).toBe(2);
  });

  it("follows next_cursor", async () => {
    const all: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await callRoute(LIST, "GET", "/api/v1/staff", {
        key: readKey,
        query: { q: marker, limit: "10", sort: "hiredOn", ...(cursor ? { cursor } : {}) },
      });
      expect(res.status).toBe(200);
      all.push(...res.body.data.map((m: { id: string }) => m.id));
      cursor = res.body.next_cursor ?? undefined;
    } while (cursor);
    expect(all.sort()).toEqual([memberId, otherId].sort());
  });

  it("answers 401 without a key and 403 without the scope", async () => {
    expect((await callRoute(LIST, "GET", "/api/v1/staff")).status).toBe(401);
    const res = await callRoute(LIST, "GET", "/api/v1/staff", { key: noScopeKey });
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
  });

  it("answers 422 naming the parameter for injection-shaped sort, cursor, limit and filters", async () => {
    const cases: [Record<string, string>, string][] = [
      [{ sort: "name;DROP TABLE User" }, "sort"],
      [{ sort: "passwordHash" }, "sort"],
      [{ cursor: "' OR '1'='1" }, "cursor"],
      [{ cursor: Buffer.from('{"s":"name","v":[{"$gt":""}],"id":"x"}').toString("base64url") }, "cursor"],
      [{ limit: "1e9" }, "limit"],
      [{ status: "active' --" }, "status"],
      [{ total: "yes" }, "total"],
    ];
    for (const [query, field] of cases) {
      const res = await callRoute(LIST, "GET", "/api/v1/staff", { key: readKey, query });
      expect(res.status, JSON.stringify(query)).toBe(422);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const q = await callRoute(LIST, "GET", "/api/v1/staff", { key: readKey, query: { q: "%' OR 1=1 --" } });
    expect(q.status).toBe(200);
    expect(q.body.data).toEqual([]);
  });
});

describe("GET /api/v1/staff/{id}", () => {
  const get = (id: string, headers: Record<string, string> = {}) =>
    callRoute(GET, "GET", `/api/v1/staff/${id}`, { key: readKey, params: { id }, headers });

  it("answers the member with an ETag, 304 for a matching If-None-Match", async () => {
    const res = await get(otherId);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id: otherId, employeeNumber: `${marker}-taken` });
    // The record's version (1) plus the account's.
    const { version: userVersion } = await db.user.findUniqueOrThrow({ where: { id: otherId }, select: { version: true } });
    expect(res.body.data.version).toBe(1 + userVersion);
    expect(res.headers.get("etag")).toBe(`"${res.body.data.version}"`);
    const again = await get(otherId, { "if-none-match": res.headers.get("etag")! });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(res.headers.get("etag"));
    expect((await get(otherId, { "if-none-match": '"999999"' })).status).toBe(200);
  });

  it("gives a new ETag when the account behind the record changes: name, email, username, ban, roles", async () => {
    const member = await createTestUser({ role: "staff" });
    const etags = [(await get(member.id)).headers.get("etag")!];
    const changes = [
      () => db.user.update({ where: { id: member.id }, data: { firstName: "Renamed" } }),
      () => db.user.update({ where: { id: member.id }, data: { email: `${uniqueName("mail")}@example.com` } }),
      () => db.user.update({ where: { id: member.id }, data: { username: uniqueName("user") } }),
      () => db.user.update({ where: { id: member.id }, data: { status: "banned", bannedAt: new Date() } }),
      async () => {
        const role = await db.role.findUniqueOrThrow({ where: { key: "user" }, select: { id: true } });
        await db.userRole.create({ data: { userId: member.id, roleId: role.id } });
      },
    ];
    for (const change of changes) {
      const before = etags.at(-1)!;
      await change();
      const stale = await get(member.id, { "if-none-match": before });
      expect(stale.status, `after change ${etags.length}`).toBe(200);
      const etag = stale.headers.get("etag")!;
      expect(etags).not.toContain(etag);
      etags.push(etag);
    }
    expect(etags.at(-1)).toBe(`"${(await get(member.id)).body.data.version}"`);
  });
  it("answers 404 alike for a non-staff user and a missing id", async () => {
    for (const id of [plainId, "cmissing000000000000", "x".repeat(300)]) {
      const res = await callRoute(GET, "GET", `/api/v1/staff/${id}`, { key: readKey, params: { id } });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe("not_found");
    }
  });
});

describe("PATCH /api/v1/staff/{id}", () => {
  const patch = (id: string, body: unknown, headers: Record<string, string> = {}, key = writeKey) =>
    callRoute(PATCH, "PATCH", `/api/v1/staff/${id}`, { key, params: { id }, body, headers });

  it("creates then updates the record, honouring If-Match", async () => {
    const first = await callRoute(GET, "GET", `/api/v1/staff/${memberId}`, { key: readKey, params: { id: memberId } });
    const v0 = first.body.data.version as number;
    expect(first.headers.get("etag")).toBe(`"${v0}"`);
    const made = await patch(memberId, { employeeNumber: `${marker}-1`, hiredOn: "2024-03-01" }, { "if-match": `"${v0}"` });
    expect(made.status).toBe(200);
    expect(made.body.data).toMatchObject({ employeeNumber: `${marker}-1`, hiredOn: "2024-03-01", version: v0 + 1 });
    expect(made.headers.get("etag")).toBe(`"${v0 + 1}"`);
    const stale = await patch(memberId, { phone: "+1 555 0100 200" }, { "if-match": `"${v0}"` });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe("precondition_failed");
    const bad = await patch(memberId, { phone: "+1 555 0100 200" }, { "if-match": "v1" });
    expect(bad.status).toBe(412);
    const ok = await patch(memberId, { phone: "+1 555 0100 200" }, { "if-match": `"${v0 + 1}"` });
    expect(ok.status).toBe(200);
    expect(ok.body.data.version).toBe(v0 + 2);
    const audit = await db.auditEvent.findFirst({
      where: { action: "staff.record_updated", targetId: memberId },
      orderBy: { seq: "desc" },
    });
    expect(JSON.parse(audit!.metadata).apiKeyId).toBeTruthy();
  });

  it("answers 412 to an If-Match read before the account changed, and writes nothing", async () => {
    const member = await createTestUser({ role: "staff" });
    await patch(member.id, { phone: "0123456789" });
    const read = await callRoute(GET, "GET", `/api/v1/staff/${member.id}`, { key: readKey, params: { id: member.id } });
    const etag = read.headers.get("etag")!;
    await db.user.update({ where: { id: member.id }, data: { lastName: "Changed" } });
    const stale = await patch(member.id, { phone: "0123456780" }, { "if-match": etag });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe("precondition_failed");
    const now = await callRoute(GET, "GET", `/api/v1/staff/${member.id}`, { key: readKey, params: { id: member.id } });
    expect(now.body.data).toMatchObject({ phone: "0123456789", lastName: "Changed" });
    // Re-read, then the same edit goes through; the staff record's own row moved, the account's did not.
    const userBefore = await db.user.findUniqueOrThrow({ where: { id: member.id }, select: { version: true } });
    const ok = await patch(member.id, { phone: "0123456780" }, { "if-match": now.headers.get("etag")! });
    expect(ok.status).toBe(200);
    expect(ok.body.data.version).toBe(now.body.data.version + 1);
    expect((await db.user.findUniqueOrThrow({ where: { id: member.id }, select: { version: true } })).version).toBe(
      userBefore.version,
    );
  });

  it("lists members with the same version as GET answers", async () => {
    const res = await callRoute(LIST, "GET", "/api/v1/staff", { key: readKey, query: { q: marker } });
    for (const item of res.body.data as { id: string; version: number }[]) {
      const one = await callRoute(GET, "GET", `/api/v1/staff/${item.id}`, { key: readKey, params: { id: item.id } });
      expect(one.headers.get("etag")).toBe(`"${item.version}"`);
    }
  });

  it("answers 409 on the field for a taken employee number", async () => {
    const res = await patch(memberId, { employeeNumber: `${marker}-taken` });
    expect(res.status).toBe(409);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: "employeeNumber" })]);
  });

  it("answers 422 per invalid field, 415 for a non-JSON body, 400 for broken JSON, 413 for a huge one", async () => {
    for (const [body, field] of [
      [{ employeeNumber: "no spaces allowed" }, "employeeNumber"],
      [{ employeeNumber: 42 }, "employeeNumber"],
      [{ phone: "<script>" }, "phone"],
      [{ hiredOn: "2024-02-30" }, "hiredOn"],
      [{ hiredOn: "1800-01-01" }, "hiredOn"],
      [{ role: "admin" }, "_form"],
      [{}, "_form"],
    ] as const) {
      const res = await patch(memberId, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const text = await callRoute(PATCH, "PATCH", `/api/v1/staff/${memberId}`, {
      key: writeKey,
      params: { id: memberId },
      rawBody: "phone=1",
      headers: { "content-type": "text/plain" },
    });
    expect(text.status).toBe(415);
    const broken = await callRoute(PATCH, "PATCH", `/api/v1/staff/${memberId}`, {
      key: writeKey,
      params: { id: memberId },
      rawBody: "{",
      headers: { "content-type": "application/json" },
    });
    expect(broken.status).toBe(400);
    const huge = await patch(memberId, { phone: "1".repeat(100_000) });
    expect(huge.status).toBe(413);
  });

  it("answers 401, 403 (read-only key) and 404 (non-staff user)", async () => {
    expect((await callRoute(PATCH, "PATCH", `/api/v1/staff/${memberId}`, { params: { id: memberId }, body: {} })).status).toBe(401);
    expect((await patch(memberId, { phone: null }, {}, readKey)).status).toBe(403);
    expect((await patch(plainId, { phone: "0123456789" })).status).toBe(404);
  });
});
