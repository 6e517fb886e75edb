import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as LIST } from "./route";
import { GET } from "./[id]/route";
import { db } from "@/lib/db";
import { apiKeyFor } from "@/test/api-keys";
import { callRoute } from "@/test/call-route";
import { createTestUser } from "@/test/create-test-user";

vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }),
  headers: async () => new Headers(),
}));

let readKey: string;
let noScopeKey: string;

beforeAll(async () => {
  // Roles can be read by a custom role holding roles.read; the Admin role holds it (2FA needed for its keys).
  const owner = await createTestUser({ role: "admin" });
  const { markTwoFactorOn } = await import("@/test/user-admin");
  await markTwoFactorOn(owner.id);
  readKey = (await apiKeyFor(owner.id, ["roles.read"])).key;
  noScopeKey = (await apiKeyFor(owner.id, ["users.read"])).key;
});

describe("GET /api/v1/roles", () => {
  it("lists every role with its effective permissions", async () => {
    const res = await callRoute(LIST, "GET", "/api/v1/roles", { key: readKey });
    expect(res.status).toBe(200);
    expect(res.body.next_cursor).toBeNull();
    const staff = res.body.data.find((r: { key: string }) => r.key === "staff");
    expect(staff.effectivePermissions).toContain("transactions.write");
    expect(staff.memberCount).toBeGreaterThanOrEqual(0);
  });

  it("answers 401 and 403", async () => {
    expect((await callRoute(LIST, "GET", "/api/v1/roles")).status).toBe(401);
    expect((await callRoute(LIST, "GET", "/api/v1/roles", { key: noScopeKey })).status).toBe(403);
  });
});

describe("GET /api/v1/roles/{id}", () => {
  it("answers one role, 404 for an unknown or oversized id", async () => {
    const { id } = await db.role.findUniqueOrThrow({ where: { key: "manager" }, select: { id: true } });
    const res = await callRoute(GET, "GET", `/api/v1/roles/${id}`, { key: readKey, params: { id } });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id, key: "manager", builtIn: true });
    expect(JSON.stringify(res.body)).not.toMatch(/passwordHash/);
    for (const missing of ["cmissing000000000000", "' OR 1=1 --", "x".repeat(100)]) {
      const nf = await callRoute(GET, "GET", `/api/v1/roles/x`, { key: readKey, params: { id: missing } });
      expect(nf.status).toBe(404);
    }
    expect((await callRoute(GET, "GET", `/api/v1/roles/${id}`, { key: noScopeKey, params: { id } })).status).toBe(403);
  });
});
