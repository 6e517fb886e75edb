// API keys and service accounts through the DAL: scopes never beyond the creator (nor the service
// account), shown once and stored hashed, listed without the hash, revoked by their owner or (for a
// service account's keys) an admin, expiry rules, audit rows; service accounts that cannot sign in.
import { describe, expect, it } from "vitest";
import { authenticateApiKey } from "@/lib/api/authenticate-api-key";
import { sha256 } from "@/lib/auth/crypto";
import { db } from "@/lib/db";
import { createApiKey } from "@/lib/data/api-keys/create-api-key";
import { needsPasswordConfirmation } from "@/lib/auth/confirm-recent-or-password";
import { createServiceAccount } from "@/lib/data/api-keys/create-service-account";
import { createServiceAccountKey } from "@/lib/data/api-keys/create-service-account-key";
import { getServiceAccount } from "@/lib/data/api-keys/get-service-account";
import { listApiKeys } from "@/lib/data/api-keys/list-api-keys";
import { listServiceAccounts } from "@/lib/data/api-keys/list-service-accounts";
import { revokeApiKey } from "@/lib/data/api-keys/revoke-api-key";
import { setServiceAccountStatus } from "@/lib/data/api-keys/set-service-account-status";
import { authenticateWithPassword } from "@/lib/data/auth/authenticate-with-password";
import { ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError, ConflictError } from "@/lib/errors";
import { apiKeyFor } from "@/test/api-keys";
import { testContext, uniqueName } from "@/test/helpers";
import { viewerWithPermissions, viewerWithRole } from "@/test/role-viewers";
import { impersonated, lastAudit, roleId, userWithRole } from "@/test/user-admin";

const ctx = () => testContext();
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const fail = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e,
  );

async function fieldErrorsOf(p: Promise<unknown>) {
  const error = await fail(p);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fieldErrors;
}

async function newServiceAccount(roleKeys = ["staff"]) {
  const admin = await viewerWithRole("admin");
  const account = await createServiceAccount(
    admin,
    { name: "Warehouse sync", username: uniqueName("svc"), roleIds: await Promise.all(roleKeys.map(roleId)) },
    ctx(),
  );
  return { admin, account };
}

describe("creating a key from a session signed in over 15 minutes ago", () => {
  const age = (sessionId: string) =>
    db.session.update({ where: { id: sessionId }, data: { createdAt: new Date(Date.now() - 16 * 60_000) } });
  const input = (extra: Record<string, unknown> = {}) => ({ name: "Sync", scopes: ["customers.read"], ...extra });

  it("asks for the password, refuses a wrong one, accepts the right one (own keys and service-account keys)", async () => {
    const manager = await userWithRole("manager");
    await age(manager.viewer.sessionId);
    expect(await needsPasswordConfirmation(manager.viewer)).toBe(true);
    expect((await fieldErrorsOf(createApiKey(manager.viewer, input(), ctx()))).currentPassword).toEqual([
      "Enter your current password to create an API key.",
    ]);
    expect(
      (await fieldErrorsOf(createApiKey(manager.viewer, input({ currentPassword: "not it" }), ctx()))).currentPassword,
    ).toEqual(["This is not your current password."]);
    expect(await db.apiKey.count({ where: { ownerId: manager.id } })).toBe(0);
    await expect(
      createApiKey(manager.viewer, input({ currentPassword: manager.password }), ctx()),
    ).resolves.toMatchObject({ name: "Sync" });

    const { account } = await newServiceAccount();
    const admin = await userWithRole("admin");
    await age(admin.viewer.sessionId);
    const svc = { ...input(), serviceAccountId: account.id };
    expect((await fieldErrorsOf(createServiceAccountKey(admin.viewer, svc, ctx()))).currentPassword).toBeDefined();
    await expect(
      createServiceAccountKey(admin.viewer, { ...svc, currentPassword: admin.password }, ctx()),
    ).resolves.toMatchObject({ name: "Sync" });
  });

  it("a fresh sign-in needs no password; an account without one must sign in again", async () => {
    const fresh = await userWithRole("manager");
    expect(await needsPasswordConfirmation(fresh.viewer)).toBe(false);
    await expect(createApiKey(fresh.viewer, input(), ctx())).resolves.toMatchObject({ name: "Sync" });

    const passwordless = await userWithRole("manager");
    await db.user.update({ where: { id: passwordless.id }, data: { passwordHash: "" } });
    await age(passwordless.viewer.sessionId);
    expect(await needsPasswordConfirmation(passwordless.viewer)).toBe(false);
    await expect(createApiKey(passwordless.viewer, input({ currentPassword: "x" }), ctx())).rejects.toMatchObject({
      code: "recent_sign_in_required",
      status: 403,
    });
  });
});

describe("createApiKey", () => {
  it("makes a key shown once, stored as its SHA-256, that authenticates with exactly its scopes; audited", async () => {
    const manager = await viewerWithRole("manager");
    const created = await createApiKey(
      manager,
      { name: "  Shop sync ", scopes: ["products.read", "customers.read", "customers.read"], expiresAt: inDays(30) },
      ctx(),
    );
    expect(created.key).toMatch(/^odk_live_[A-Za-z0-9_-]{43}$/);
    expect(created.key.startsWith(created.prefix)).toBe(true);
    expect(created).toMatchObject({ name: "Shop sync", scopes: ["customers.read", "products.read"], status: "active" });
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.hash).toBe(sha256(created.key));
    expect(JSON.stringify(row)).not.toContain(created.key);
    const actor = await authenticateApiKey(created.key, "203.0.113.9");
    expect([...actor.permissions].sort()).toEqual(["customers.read", "products.read"]);
    const audit = await lastAudit("api_key.created", created.id);
    expect(audit?.actorId).toBe(manager.userId);
    expect(audit?.meta).toMatchObject({ prefix: created.prefix, scopes: ["customers.read", "products.read"] });
    expect(JSON.stringify(audit)).not.toContain(created.key);
  });

  it("refuses scopes the creator does not hold, unknown scopes, none, and bad expiries, naming the field", async () => {
    const manager = await viewerWithRole("manager");
    const base = { name: "k", scopes: ["customers.read"] };
    expect(await fieldErrorsOf(createApiKey(manager, { ...base, scopes: ["users.manage"] }, ctx()))).toHaveProperty(
      "scopes",
    );
    expect(await fieldErrorsOf(createApiKey(manager, { ...base, scopes: ["nope.read"] }, ctx()))).toHaveProperty(
      "scopes",
    );
    expect(await fieldErrorsOf(createApiKey(manager, { ...base, scopes: [] }, ctx()))).toHaveProperty("scopes");
    expect(await fieldErrorsOf(createApiKey(manager, { ...base, name: " " }, ctx()))).toHaveProperty("name");
    expect(await fieldErrorsOf(createApiKey(manager, { ...base, name: "x".repeat(81) }, ctx()))).toHaveProperty("name");
    for (const expiresAt of [inDays(-1), inDays(400), "tomorrow", "2020-01-01", 5]) {
      expect(
        await fieldErrorsOf(createApiKey(manager, { ...base, expiresAt }, ctx())),
        String(expiresAt),
      ).toHaveProperty("expiresAt");
    }
    const dateOnly = await createApiKey(manager, { ...base, expiresAt: inDays(365).slice(0, 10) }, ctx());
    expect(dateOnly.expiresAt?.toISOString()).toMatch(/T23:59:59\.999Z$/);
    const never = await createApiKey(manager, { ...base, expiresAt: null }, ctx());
    expect(never.expiresAt).toBeNull();
  });

  it("needs api_keys.manage, a session of one's own, and a principal", async () => {
    const user = await viewerWithRole("user");
    const input = { name: "k", scopes: ["dashboard.view"] };
    expect(await fail(createApiKey(user, input, ctx()))).toBeInstanceOf(ForbiddenError);
    expect(await fail(createApiKey(null, input, ctx()))).toBeInstanceOf(UnauthenticatedError);
    const target = await userWithRole("manager");
    const admin = await viewerWithRole("admin");
    const asTarget = await impersonated(target.sessionId, target.token, admin.userId);
    const refused = await fail(createApiKey(asTarget, { name: "k", scopes: ["customers.read"] }, ctx()));
    expect(refused).toBeInstanceOf(ForbiddenError);
    expect((refused as ForbiddenError).code).toBe("impersonation_restricted");
  });

  it("a key never creates a key (a leaked key could otherwise outlive its own revocation)", async () => {
    const manager = await userWithRole("manager");
    const { key } = await apiKeyFor(manager.id, ["api_keys.manage", "customers.read"]);
    const actor = await authenticateApiKey(key, null);
    await expect(createApiKey(actor, { name: "k", scopes: ["customers.read"] }, ctx())).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(await db.apiKey.count({ where: { ownerId: manager.id } })).toBe(1);
  });
});

describe("listApiKeys and revokeApiKey", () => {
  it("lists only one's own keys, newest first, without the hash, with status", async () => {
    const a = await viewerWithRole("manager");
    const b = await viewerWithRole("manager");
    const first = await createApiKey(a, { name: "first", scopes: ["customers.read"] }, ctx());
    const second = await createApiKey(a, { name: "second", scopes: ["customers.read"] }, ctx());
    await createApiKey(b, { name: "theirs", scopes: ["customers.read"] }, ctx());
    await revokeApiKey(a, { id: first.id }, ctx());
    const keys = await listApiKeys(a);
    expect(keys.map((k) => k.name)).toEqual(["second", "first"]);
    expect(keys.map((k) => k.status)).toEqual(["active", "revoked"]);
    expect(keys[0]).not.toHaveProperty("hash");
    expect(keys[0]?.id).toBe(second.id);
    expect(await fail(listApiKeys(await viewerWithRole("user")))).toBeInstanceOf(ForbiddenError);
  });

  it("revoking stops the key at once; twice is 409; another person's key is 404 even for an admin; audited", async () => {
    const owner = await viewerWithRole("manager");
    const created = await createApiKey(owner, { name: "k", scopes: ["customers.read"] }, ctx());
    const other = await viewerWithRole("manager");
    expect(await fail(revokeApiKey(other, { id: created.id }, ctx()))).toBeInstanceOf(NotFoundError);
    expect(await fail(revokeApiKey(await viewerWithRole("admin"), { id: created.id }, ctx()))).toBeInstanceOf(
      NotFoundError,
    );
    expect(await fail(revokeApiKey(owner, { id: "missing" }, ctx()))).toBeInstanceOf(NotFoundError);
    await revokeApiKey(owner, { id: created.id }, ctx());
    const refused = await fail(authenticateApiKey(created.key, null));
    expect((refused as UnauthenticatedError).code).toBe("api_key_revoked");
    expect(await fail(revokeApiKey(owner, { id: created.id }, ctx()))).toBeInstanceOf(ConflictError);
    expect((await lastAudit("api_key.revoked", created.id))?.actorId).toBe(owner.userId);
  });

  it("caps active keys per owner", async () => {
    const owner = await viewerWithRole("manager");
    await db.apiKey.createMany({
      data: Array.from({ length: 25 }, (_, i) => ({
        name: `k${i}`,
        prefix: "odk_live_xxxxxxxx",
        hash: sha256(`${owner.userId}-${i}`),
        ownerId: owner.userId,
        scopes: "[]",
      })),
    });
    expect(await fail(createApiKey(owner, { name: "k", scopes: ["customers.read"] }, ctx()))).toBeInstanceOf(
      ConflictError,
    );
  });
});

describe("service accounts", () => {
  it("an admin makes one with grantable roles; it is a service user that cannot sign in", async () => {
    const { admin, account } = await newServiceAccount(["staff"]);
    const row = await db.user.findUniqueOrThrow({ where: { id: account.id } });
    expect(row.kind).toBe("service");
    expect(row.email).toMatch(/@service-accounts\.invalid$/);
    expect(row.passwordHash).toMatch(/^\$2[aby]\$/);
    const signIn = await authenticateWithPassword(
      { identifier: row.username, password: "correct horse battery staple #42", remember: false },
      testContext({ ip: "192.0.2.77" }),
    );
    expect(signIn.ok).toBe(false);
    expect((await lastAudit("service_account.created", account.id))?.actorId).toBe(admin.userId);
    const listed = await listServiceAccounts(admin);
    expect(listed.find((a) => a.id === account.id)).toMatchObject({ status: "active", activeKeys: 0 });
  });

  it("refuses roles the admin may not grant, taken usernames, unknown roles, and non-admins", async () => {
    const admin = await viewerWithRole("admin");
    const refused = await fail(
      createServiceAccount(
        admin,
        { name: "x", username: uniqueName("svc"), roleIds: [await roleId("super_admin")] },
        ctx(),
      ),
    );
    expect((refused as ForbiddenError).code).toBe("role_not_grantable");
    const username = uniqueName("svc");
    await createServiceAccount(admin, { name: "x", username, roleIds: [await roleId("user")] }, ctx());
    const clash = await fail(
      createServiceAccount(admin, { name: "y", username, roleIds: [await roleId("user")] }, ctx()),
    );
    expect((clash as ConflictError).fieldErrors).toHaveProperty("username");
    expect(
      await fieldErrorsOf(
        createServiceAccount(admin, { name: "x", username: uniqueName("svc"), roleIds: ["nope"] }, ctx()),
      ),
    ).toHaveProperty("roleIds");
    expect(
      await fail(
        createServiceAccount(
          await viewerWithRole("manager"),
          { name: "x", username: uniqueName("svc"), roleIds: [await roleId("user")] },
          ctx(),
        ),
      ),
    ).toBeInstanceOf(ForbiddenError);
  });

  it("its keys hold only what both the account and the admin hold, and stop when it is disabled", async () => {
    const { admin, account } = await newServiceAccount(["staff"]);
    expect(
      await fieldErrorsOf(
        createServiceAccountKey(admin, { serviceAccountId: account.id, name: "k", scopes: ["users.manage"] }, ctx()),
      ),
    ).toHaveProperty("scopes");
    const created = await createServiceAccountKey(
      admin,
      { serviceAccountId: account.id, name: "sync", scopes: ["customers.read", "transactions.write"] },
      ctx(),
    );
    const actor = await authenticateApiKey(created.key, null);
    expect(actor.kind).toBe("service");
    expect([...actor.permissions].sort()).toEqual(["customers.read", "transactions.write"]);

    const detail = await getServiceAccount(admin, account.id);
    expect(detail.keys.map((k) => k.id)).toEqual([created.id]);
    expect(detail.grantableScopes).toContain("customers.read");
    expect(detail.grantableScopes).not.toContain("users.manage");

    await setServiceAccountStatus(admin, { id: account.id }, "disabled", ctx());
    expect(((await fail(authenticateApiKey(created.key, null))) as UnauthenticatedError).code).toBe(
      "api_key_owner_inactive",
    );
    expect(
      await fail(
        createServiceAccountKey(admin, { serviceAccountId: account.id, name: "k", scopes: ["customers.read"] }, ctx()),
      ),
    ).toBeInstanceOf(ConflictError);
    expect(await fail(setServiceAccountStatus(admin, { id: account.id }, "disabled", ctx()))).toBeInstanceOf(
      ConflictError,
    );
    await setServiceAccountStatus(admin, { id: account.id }, "active", ctx());
    await expect(authenticateApiKey(created.key, null)).resolves.toMatchObject({ userId: account.id });
    expect((await lastAudit("service_account.disabled", account.id))?.actorId).toBe(admin.userId);
  });

  it("an admin revokes a service account's key; a person's id is 404 to the service-account functions", async () => {
    const { admin, account } = await newServiceAccount(["staff"]);
    const created = await createServiceAccountKey(
      admin,
      { serviceAccountId: account.id, name: "k", scopes: ["customers.read"] },
      ctx(),
    );
    await revokeApiKey(admin, { id: created.id }, ctx());
    expect(((await fail(authenticateApiKey(created.key, null))) as UnauthenticatedError).code).toBe("api_key_revoked");
    const person = await viewerWithRole("manager");
    expect(await fail(getServiceAccount(admin, person.userId))).toBeInstanceOf(NotFoundError);
    expect(await fail(setServiceAccountStatus(admin, { id: person.userId }, "disabled", ctx()))).toBeInstanceOf(
      NotFoundError,
    );
    expect(
      await fail(
        createServiceAccountKey(
          admin,
          { serviceAccountId: person.userId, name: "k", scopes: ["customers.read"] },
          ctx(),
        ),
      ),
    ).toBeInstanceOf(NotFoundError);
  });

  it("an admin cannot act on a service account holding more than they hold", async () => {
    const { account } = await newServiceAccount(["staff"]);
    const limited = await viewerWithPermissions(["users.manage", "customers.read"]);
    expect(await fail(setServiceAccountStatus(limited, { id: account.id }, "disabled", ctx()))).toBeInstanceOf(
      ForbiddenError,
    );
  });
});
