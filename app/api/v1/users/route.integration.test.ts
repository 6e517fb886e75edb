import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as LIST } from "./route";
import { GET, PATCH } from "./[id]/route";
import { POST as BAN } from "./[id]/ban/route";
import { POST as UNBAN } from "./[id]/unban/route";
import { db } from "@/lib/db";
import { BUILT_IN_ROLES } from "@/lib/rbac/built-in-roles";
import { apiKeyFor } from "@/test/api-keys";
import { callRoute } from "@/test/call-route";
import { createTestUser } from "@/test/create-test-user";
import { uniqueName } from "@/test/helpers";
import { markTwoFactorOn } from "@/test/user-admin";

// No browser session in these tests: a request without a key finds no cookie.
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }),
  headers: async () => new Headers(),
}));

const marker = uniqueName("uapi");
let readKey: string;
let manageKey: string;
let noScopeKey: string;
let adminId: string;
let superAdminId: string;
let roleIds: Record<string, string>;

async function target(role = "user") {
  const u = await createTestUser({ role, firstName: `F${marker}` });
  return u.id;
}

beforeAll(async () => {
  const roles = await db.role.findMany({ select: { id: true, key: true } });
  roleIds = Object.fromEntries(roles.map((r) => [r.key, r.id]));
  const manager = await createTestUser({ role: "manager" });
  readKey = (await apiKeyFor(manager.id, ["users.read"])).key;
  noScopeKey = (await apiKeyFor(manager.id, ["customers.read"])).key;
  const admin = await createTestUser({ role: "admin" });
  await markTwoFactorOn(admin.id);
  adminId = admin.id;
  // A key acts only within its scopes, and nobody manages an account holding more than they do:
  // to manage ordinary accounts the key needs what they hold too, so it gets all of the Admin's.
  const adminRole = BUILT_IN_ROLES.find((r) => r.key === "admin")!;
  manageKey = (await apiKeyFor(admin.id, adminRole.permissions)).key;
  const sa = await createTestUser({ role: "super_admin" });
  await markTwoFactorOn(sa.id);
  superAdminId = sa.id;
});

describe("GET /api/v1/users", () => {
  it("lists accounts without secrets, pages with next_cursor, total only when asked", async () => {
    const ids = [await target(), await target(), await target("staff")];
    const first = await callRoute(LIST, "GET", "/api/v1/users", { key: readKey, query: { q: marker, limit: "10" } });
    expect(first.status).toBe(200);
    expect(first.body).not.toHaveProperty("total");
    expect(first.body.data.map((u: { id: string }) => u.id).sort()).toEqual([...ids].sort());
    expect(JSON.stringify(first.body)).not.toMatch(/passwordHash|totpSecret|hash/i);
    const counted = await callRoute(LIST, "GET", "/api/v1/users", {
      key: readKey,
      query: { q: marker, role: "staff", total: "true" },
    });
    expect(counted.body.total).toBe(1);
  });

  it("answers 401, 403 and 422 for injection-shaped parameters", async () => {
    expect((await callRoute(LIST, "GET", "/api/v1/users")).status).toBe(401);
    expect((await callRoute(LIST, "GET", "/api/v1/users", { key: noScopeKey })).status).toBe(403);
    for (const [query, field] of [
      [{ sort: "passwordHash" }, "sort"],
      [{ cursor: "1' OR '1'='1" }, "cursor"],
      [{ role: "admin' OR 1=1 --" }, "role"],
      [{ status: "banned;" }, "status"],
      [{ limit: "-1" }, "limit"],
    ] as const) {
      const res = await callRoute(LIST, "GET", "/api/v1/users", { key: readKey, query });
      expect(res.status, JSON.stringify(query)).toBe(422);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect((await callRoute(LIST, "GET", "/api/v1/users", { key: readKey, query: { q: "%_' OR 1=1" } })).status).toBe(200);
  });
});

describe("GET /api/v1/users/{id}", () => {
  it("answers the account with roles and permissions, 404 for an unknown id", async () => {
    const id = await target("staff");
    const res = await callRoute(GET, "GET", `/api/v1/users/${id}`, { key: readKey, params: { id } });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id, status: "active", roles: [{ key: "staff" }] });
    expect(res.body.data.permissions).toContain("transactions.write");
    expect(Object.keys(res.body.data)).not.toContain("viewerMay");
    expect(JSON.stringify(res.body)).not.toMatch(/passwordHash|totpSecret/);
    for (const missing of ["cmissing000000000000", "x".repeat(100)]) {
      const nf = await callRoute(GET, "GET", `/api/v1/users/${missing}`, { key: readKey, params: { id: missing } });
      expect(nf.status).toBe(404);
    }
  });
});

describe("PATCH /api/v1/users/{id}", () => {
  const patch = (id: string, body: unknown, key = manageKey) =>
    callRoute(PATCH, "PATCH", `/api/v1/users/${id}`, { key, params: { id }, body });

  it("replaces the roles and audits with the key", async () => {
    const id = await target();
    const res = await patch(id, { roleIds: [roleIds.user, roleIds.staff] });
    expect(res.status).toBe(200);
    expect(res.body.data.roles.map((r: { key: string }) => r.key).sort()).toEqual(["staff", "user"]);
    expect(res.body.meta).toEqual({ rolesBefore: ["user"], rolesAfter: ["staff", "user"] });
    const audit = await db.auditEvent.findFirst({
      where: { action: "admin.user_roles_changed", targetId: id },
      orderBy: { seq: "desc" },
    });
    expect(audit?.actorId).toBe(adminId);
    expect(JSON.parse(audit!.metadata).apiKeyId).toBeTruthy();
  });

  it("keeps the guard rails: 403 for own roles, a Super Admin target or granting Super Admin; 422 for bad roleIds", async () => {
    expect((await patch(adminId, { roleIds: [roleIds.user] })).status).toBe(403);
    expect((await patch(superAdminId, { roleIds: [roleIds.user] })).status).toBe(403);
    const id = await target();
    expect((await patch(id, { roleIds: [roleIds.super_admin] })).status).toBe(403);
    for (const body of [{ roleIds: [] }, { roleIds: ["cmissing000000000000"] }, { roleIds: "staff" }, {}]) {
      const res = await patch(id, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain("roleIds");
    }
    const rows = await db.userRole.findMany({ where: { userId: id }, select: { roleId: true } });
    expect(rows.map((r) => r.roleId)).toEqual([roleIds.user]);
  });

  it("answers 401, 403 for a read-only key, 404 for an unknown id, 415 for a non-JSON body", async () => {
    const id = await target();
    expect((await callRoute(PATCH, "PATCH", `/api/v1/users/${id}`, { params: { id }, body: {} })).status).toBe(401);
    expect((await patch(id, { roleIds: [roleIds.staff] }, readKey)).status).toBe(403);
    // May change roles but not read accounts: refused before anything is written.
    const adminRole = BUILT_IN_ROLES.find((r) => r.key === "admin")!;
    const writeOnly = (await apiKeyFor(adminId, adminRole.permissions.filter((p) => p !== "users.read"))).key;
    expect((await patch(id, { roleIds: [roleIds.staff] }, writeOnly)).status).toBe(403);
    const rows = await db.userRole.findMany({ where: { userId: id }, select: { roleId: true } });
    expect(rows.map((r) => r.roleId)).toEqual([roleIds.user]);
    expect((await patch("cmissing000000000000", { roleIds: [roleIds.staff] })).status).toBe(404);
    const text = await callRoute(PATCH, "PATCH", `/api/v1/users/${id}`, {
      key: manageKey,
      params: { id },
      rawBody: "roleIds=1",
      headers: { "content-type": "text/plain" },
    });
    expect(text.status).toBe(415);
  });
});

describe("POST /api/v1/users/{id}/ban and /unban", () => {
  it("bans with a reason (409 twice), unbans (idempotent)", async () => {
    const id = await target();
    const call = (handler: typeof BAN, path: string, body?: unknown) =>
      callRoute(handler, "POST", path, { key: manageKey, params: { id }, body: body ?? {} });
    const noReason = await call(BAN, `/api/v1/users/${id}/ban`, {});
    expect(noReason.status).toBe(422);
    expect(noReason.body.errors.map((e: { field: string }) => e.field)).toContain("reason");
    const banned = await call(BAN, `/api/v1/users/${id}/ban`, { reason: "Fraudulent refunds" });
    expect(banned.status).toBe(200);
    expect(banned.body.data).toMatchObject({ id, status: "banned" });
    expect((await call(BAN, `/api/v1/users/${id}/ban`, { reason: "Again" })).status).toBe(409);
    const unbanned = await call(UNBAN, `/api/v1/users/${id}/unban`);
    expect(unbanned.status).toBe(200);
    expect(unbanned.body.data).toEqual({ id, status: "active", changed: true });
    const again = await call(UNBAN, `/api/v1/users/${id}/unban`);
    expect(again.status).toBe(200);
    expect(again.body.data.changed).toBe(false);
    expect((await callRoute(UNBAN, "POST", "/x", { key: manageKey, params: { id: "cmissing000000000000" } })).status).toBe(404);
    expect((await db.user.findUniqueOrThrow({ where: { id } })).status).toBe("active");
  });

  it("refuses oneself, a Super Admin, a key scoped to less than the target holds, a read-only key; 404 for an unknown id", async () => {
    const narrow = (await apiKeyFor(adminId, ["users.read", "users.manage"])).key;
    const ban = (id: string, key = manageKey) =>
      callRoute(BAN, "POST", `/api/v1/users/${id}/ban`, { key, params: { id }, body: { reason: "Testing refusals" } });
    expect((await ban(adminId)).status).toBe(403);
    expect((await ban(superAdminId)).status).toBe(403);
    expect((await ban(await target(), readKey)).status).toBe(403);
    expect((await ban(await target(), narrow)).status).toBe(403);
    expect((await ban("cmissing000000000000")).status).toBe(404);
    expect((await callRoute(BAN, "POST", `/api/v1/users/x/ban`, { params: { id: "x" }, body: {} })).status).toBe(401);
  });
});

describe("ETag and If-Match on /api/v1/users/{id}", () => {
  const get = (id: string, headers: Record<string, string> = {}) =>
    callRoute(GET, "GET", `/api/v1/users/${id}`, { key: readKey, params: { id }, headers });
  const patch = (id: string, body: unknown, headers: Record<string, string> = {}) =>
    callRoute(PATCH, "PATCH", `/api/v1/users/${id}`, { key: manageKey, params: { id }, body, headers });
  const post = (handler: typeof BAN, id: string, verb: string, body: unknown, headers: Record<string, string> = {}) =>
    callRoute(handler, "POST", `/api/v1/users/${id}/${verb}`, { key: manageKey, params: { id }, body, headers });

  it("answers a fresh ETag (the account's version), 304 for a matching If-None-Match", async () => {
    const id = await target();
    const res = await get(id);
    expect(res.status).toBe(200);
    const etag = res.headers.get("etag")!;
    expect(etag).toMatch(/^"\d+"$/);
    expect(etag).toBe(`"${res.body.data.version}"`);
    const again = await get(id, { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(again.body).toBeNull();
    expect(again.headers.get("etag")).toBe(etag);
    expect((await get(id, { "if-none-match": `W/${etag}, "1"` })).status).toBe(304);
    expect((await get(id, { "if-none-match": '"999999999"' })).status).toBe(200);
  });

  it("gives a new ETag after each change to the account: profile, email, roles, ban, unban, role definitions", async () => {
    const id = await target();
    const seen = [(await get(id)).headers.get("etag")!];
    const expectNewEtag = async (what: string) => {
      const res = await get(id, { "if-none-match": seen.at(-1)! });
      expect(res.status, what).toBe(200);
      const etag = res.headers.get("etag")!;
      expect(seen, what).not.toContain(etag);
      seen.push(etag);
    };
    await db.user.update({ where: { id }, data: { firstName: `G${marker}` } });
    await expectNewEtag("name");
    await db.user.update({ where: { id }, data: { email: `${uniqueName("mail")}@example.com` } });
    await expectNewEtag("email");
    expect((await patch(id, { roleIds: [roleIds.user, roleIds.staff] })).status).toBe(200);
    await expectNewEtag("roles");
    expect((await post(BAN, id, "ban", { reason: "Testing versions" })).status).toBe(200);
    await expectNewEtag("ban");
    expect((await post(UNBAN, id, "unban", {})).status).toBe(200);
    await expectNewEtag("unban");
    // What the account shows of its roles (names, permissions) comes from the role definitions.
    const role = await db.role.findUniqueOrThrow({ where: { key: "staff" }, select: { name: true } });
    await db.role.update({ where: { key: "staff" }, data: { name: `${role.name} ` } });
    await db.role.update({ where: { key: "staff" }, data: { name: role.name } });
    await expectNewEtag("role definition");
  });

  it("PATCH answers 412 to a stale If-Match and writes nothing; a current one goes through with the new ETag", async () => {
    const id = await target();
    const read = await get(id);
    const etag = read.headers.get("etag")!;
    await db.user.update({ where: { id }, data: { lastName: "Changed" } });
    const stale = await patch(id, { roleIds: [roleIds.staff] }, { "if-match": etag });
    expect(stale.status).toBe(412);
    expect(stale.headers.get("content-type")).toBe("application/problem+json");
    expect(stale.body.code).toBe("precondition_failed");
    const rows = await db.userRole.findMany({ where: { userId: id }, select: { roleId: true } });
    expect(rows.map((r) => r.roleId)).toEqual([roleIds.user]);
    expect((await patch(id, { roleIds: [roleIds.staff] }, { "if-match": "not-an-etag" })).status).toBe(412);

    const fresh = (await get(id)).headers.get("etag")!;
    const ok = await patch(id, { roleIds: [roleIds.staff] }, { "if-match": fresh });
    expect(ok.status).toBe(200);
    expect(ok.body.data.roles.map((r: { key: string }) => r.key)).toEqual(["staff"]);
    expect(ok.headers.get("etag")).not.toBe(fresh);
    expect(ok.headers.get("etag")).toBe((await get(id)).headers.get("etag"));
    // The ETag a write answered is good for the next write.
    const next = await patch(id, { roleIds: [roleIds.user] }, { "if-match": ok.headers.get("etag")! });
    expect(next.status).toBe(200);
    // Without If-Match (or with "*") the write is not conditional, as everywhere in this API.
    expect((await patch(id, { roleIds: [roleIds.staff] })).status).toBe(200);
    expect((await patch(id, { roleIds: [roleIds.user] }, { "if-match": "*" })).status).toBe(200);
  });

  it("PATCH keeps 404 and 403 ahead of 412", async () => {
    expect((await patch("cmissing000000000000", { roleIds: [roleIds.staff] }, { "if-match": '"1"' })).status).toBe(404);
    expect((await patch(superAdminId, { roleIds: [roleIds.user] }, { "if-match": '"1"' })).status).toBe(403);
  });

  it("ban and unban honour If-Match and answer the account's new ETag", async () => {
    const id = await target();
    const etag = (await get(id)).headers.get("etag")!;
    await db.user.update({ where: { id }, data: { firstName: `H${marker}` } });
    const stale = await post(BAN, id, "ban", { reason: "Stale ban" }, { "if-match": etag });
    expect(stale.status).toBe(412);
    expect((await db.user.findUniqueOrThrow({ where: { id } })).status).toBe("active");

    const current = (await get(id)).headers.get("etag")!;
    const banned = await post(BAN, id, "ban", { reason: "Fresh ban" }, { "if-match": current });
    expect(banned.status).toBe(200);
    const afterBan = banned.headers.get("etag")!;
    expect(afterBan).not.toBe(current);
    expect(afterBan).toBe((await get(id)).headers.get("etag"));

    expect((await post(UNBAN, id, "unban", {}, { "if-match": current })).status).toBe(412);
    expect((await db.user.findUniqueOrThrow({ where: { id } })).status).toBe("banned");
    const unbanned = await post(UNBAN, id, "unban", {}, { "if-match": afterBan });
    expect(unbanned.status).toBe(200);
    expect(unbanned.body.data.changed).toBe(true);
    expect(unbanned.headers.get("etag")).toBe((await get(id)).headers.get("etag"));
    // Already active, but the If-Match is stale: 412 rather than "nothing to do".
    expect((await post(UNBAN, id, "unban", {}, { "if-match": afterBan })).status).toBe(412);
  });
});
