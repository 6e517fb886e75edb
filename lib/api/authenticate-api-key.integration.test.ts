import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authenticateApiKey } from "@/lib/api/authenticate-api-key";
import { generateApiKey } from "@/lib/api/api-key-format";
import { UnauthenticatedError } from "@/lib/errors";
import { apiKeyFor } from "@/test/api-keys";
import { customRole, markTwoFactorOn } from "@/test/user-admin";
import { createTestUser } from "@/test/create-test-user";
import { recordQueries } from "@/test/query-log";

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UnauthenticatedError);
  return (error as UnauthenticatedError).code;
}

describe("authenticateApiKey", () => {
  it("acts for its owner with the scopes the owner still holds, and records when and where it was used", async () => {
    const owner = await createTestUser({ role: "manager" });
    const { key, id } = await apiKeyFor(owner.id, ["customers.read", "customers.write", "roles.manage"]);
    const actor = await authenticateApiKey(key, "198.51.100.4");
    expect(actor.userId).toBe(owner.id);
    expect(actor.apiKeyId).toBe(id);
    // roles.manage is in the scopes but not the owner's: a key never outranks its owner.
    expect([...actor.permissions].sort()).toEqual(["customers.read", "customers.write"]);
    const row = await db.apiKey.findUniqueOrThrow({ where: { id } });
    expect(row.lastUsedIp).toBe("198.51.100.4");
    expect(row.lastUsedAt).not.toBeNull();
  });

  it("records the last use once for requests arriving together, not once per request", async () => {
    const owner = await createTestUser({ role: "manager" });
    const { key } = await apiKeyFor(owner.id, ["customers.read"]);
    const { queries } = await recordQueries(() =>
      Promise.all(Array.from({ length: 8 }, () => authenticateApiKey(key, "198.51.100.4"))),
    );
    expect(queries.filter((q) => /^UPDATE\b.*ApiKey/s.test(q))).toHaveLength(1);
  });

  it("loses a permission on the next request when the owner does", async () => {
    const role = await customRole(["customers.read", "products.read"]);
    const owner = await createTestUser({ role: role.key });
    const { key } = await apiKeyFor(owner.id, ["customers.read", "products.read"]);
    expect((await authenticateApiKey(key, null)).permissions.has("products.read")).toBe(true);
    const permission = await db.permission.findUniqueOrThrow({ where: { key: "products.read" } });
    await db.rolePermission.delete({
      where: { roleId_permissionId: { roleId: role.id, permissionId: permission.id } },
    });
    expect((await authenticateApiKey(key, null)).permissions.has("products.read")).toBe(false);
  });

  it("refuses unknown, malformed, revoked and expired keys and keys of banned owners, each with its own code", async () => {
    const owner = await createTestUser({ role: "manager" });
    expect(await codeOf(authenticateApiKey("odk_live_short", null))).toBe("invalid_api_key");
    expect(await codeOf(authenticateApiKey(generateApiKey().key, null))).toBe("invalid_api_key");
    const revoked = await apiKeyFor(owner.id, ["customers.read"], { revokedAt: new Date() });
    expect(await codeOf(authenticateApiKey(revoked.key, null))).toBe("api_key_revoked");
    const expired = await apiKeyFor(owner.id, ["customers.read"], { expiresAt: new Date(Date.now() - 1000) });
    expect(await codeOf(authenticateApiKey(expired.key, null))).toBe("api_key_expired");
    const live = await apiKeyFor(owner.id, ["customers.read"]);
    await db.user.update({ where: { id: owner.id }, data: { status: "banned", bannedAt: new Date() } });
    expect(await codeOf(authenticateApiKey(live.key, null))).toBe("api_key_owner_inactive");
  });

  it("holds nothing while the owner's role requires a second factor they have not set up, or awaits approval", async () => {
    const admin = await createTestUser({ role: "admin" });
    const { key } = await apiKeyFor(admin.id, ["customers.read"]);
    expect((await authenticateApiKey(key, null)).permissions.size).toBe(0);
    await markTwoFactorOn(admin.id);
    expect((await authenticateApiKey(key, null)).permissions.has("customers.read")).toBe(true);
    await db.user.update({ where: { id: admin.id }, data: { staffApproval: "pending" } });
    expect((await authenticateApiKey(key, null)).permissions.size).toBe(0);
  });

  it("counts the owner's passkey as their second factor", async () => {
    const admin = await createTestUser({ role: "admin" });
    const { key } = await apiKeyFor(admin.id, ["customers.read"]);
    expect((await authenticateApiKey(key, null)).permissions.size).toBe(0);
    await db.passkey.create({
      data: {
        userId: admin.id,
        credentialId: `key-${admin.id}`,
        publicKey: "AA",
        deviceType: "singleDevice",
        name: "Key",
      },
    });
    const actor = await authenticateApiKey(key, null);
    expect(actor.permissions.has("customers.read")).toBe(true);
    expect(actor.twoFactorEnabled).toBe(true);
  });

  it("holds for a service account only what the admin who made its key still holds, and nothing once they are banned", async () => {
    const admin = await createTestUser({ role: "admin" });
    await markTwoFactorOn(admin.id);
    const service = await createTestUser({ role: "manager" });
    await db.user.update({ where: { id: service.id }, data: { kind: "service" } });
    const { key } = await apiKeyFor(service.id, ["customers.read", "products.read"]);
    await db.apiKey.updateMany({ where: { ownerId: service.id }, data: { createdById: admin.id } });
    expect([...(await authenticateApiKey(key, null)).permissions].sort()).toEqual(["customers.read", "products.read"]);

    // The admin is demoted to a role without products.read: so is the key.
    const role = await customRole(["customers.read"]);
    const adminRole = await db.role.findUniqueOrThrow({ where: { key: "admin" } });
    await db.userRole.delete({ where: { userId_roleId: { userId: admin.id, roleId: adminRole.id } } });
    await db.userRole.create({ data: { userId: admin.id, roleId: role.id } });
    expect([...(await authenticateApiKey(key, null)).permissions]).toEqual(["customers.read"]);

    await db.user.update({ where: { id: admin.id }, data: { status: "banned", bannedAt: new Date() } });
    expect((await authenticateApiKey(key, null)).permissions.size).toBe(0);
  });

  it("records the last use at most once a minute, from whichever address", async () => {
    const owner = await createTestUser({ role: "manager" });
    const { key, id } = await apiKeyFor(owner.id, ["customers.read"]);
    await authenticateApiKey(key, "198.51.100.1");
    await authenticateApiKey(key, "198.51.100.2");
    const row = await db.apiKey.findUniqueOrThrow({ where: { id } });
    expect(row.lastUsedIp).toBe("198.51.100.1");
  });
});
