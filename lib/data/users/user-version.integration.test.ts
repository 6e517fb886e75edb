// User.version moves with every write to an account that a client can see, whichever module makes
// it (the triggers of the user_version migration), and stands still for writes that change nothing
// visible; the DAL's If-Match check refuses a stale version and changes nothing itself.
import { beforeAll, describe, expect, it } from "vitest";
import { db, dbProvider } from "@/lib/db";
import { banUser } from "@/lib/data/users/ban-user";
import { getUserDetail } from "@/lib/data/users/get-user-detail";
import { setUserRoles } from "@/lib/data/users/set-user-roles";
import { unbanUser } from "@/lib/data/users/unban-user";
import { updateOwnProfile } from "@/lib/data/users/update-own-profile";
import { assertAccountVersion, readAccountVersion } from "@/lib/data/users/user-version";
import { PreconditionFailedError } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/viewer";
import { createTestUser } from "@/test/create-test-user";
import { testContext, uniqueName } from "@/test/helpers";
import { roleId, userWithRole } from "@/test/user-admin";

const versionOf = async (id: string) =>
  (await db.user.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

let admin: Viewer;

beforeAll(async () => {
  admin = (await userWithRole("admin")).viewer;
});

describe("User.version", () => {
  it("moves with each column write a client can see, once per write", async () => {
    const { id } = await createTestUser({ role: "user" });
    const writes: Record<string, unknown>[] = [
      { firstName: "Ada" },
      { lastName: "Lovelace" },
      { email: `${uniqueName("mail")}@example.com` },
      { username: uniqueName("name") },
      { dateOfBirth: new Date(Date.UTC(1990, 0, 2)) },
      { status: "banned", bannedAt: new Date(), banReason: "why" },
      { status: "active", bannedAt: null, banReason: null },
      { emailVerifiedAt: null },
      { staffApproval: "pending", staffRequestedAt: new Date() },
      { totpEnabledAt: new Date(), totpSecretEnc: "v1.a.b.c" },
      { lastSignInAt: new Date() },
      { passwordHash: "x", passwordChangedAt: new Date() },
    ];
    for (const data of writes) {
      const before = await versionOf(id);
      await db.user.update({ where: { id }, data });
      expect(await versionOf(id), JSON.stringify(Object.keys(data))).toBe(before + 1);
    }
  });

  it("stands still for writes that change nothing a client sees: the same values, updatedAt alone, totpLastStep", async () => {
    const { id } = await createTestUser({ role: "user" });
    const before = await versionOf(id);
    const { firstName } = await db.user.findUniqueOrThrow({ where: { id }, select: { firstName: true } });
    await db.user.update({ where: { id }, data: { firstName } });
    await db.user.updateMany({ where: { id }, data: { updatedAt: new Date() } });
    await db.user.update({ where: { id }, data: { totpLastStep: 123456 } });
    expect(await versionOf(id)).toBe(before);
  });

  it("moves when roles are given or taken and when a passkey is added or removed", async () => {
    const { id } = await createTestUser({ role: "user" });
    let before = await versionOf(id);
    await db.userRole.create({ data: { userId: id, roleId: await roleId("staff") } });
    expect(await versionOf(id)).toBeGreaterThan(before);
    before = await versionOf(id);
    await db.userRole.deleteMany({ where: { userId: id, roleId: await roleId("staff") } });
    expect(await versionOf(id)).toBeGreaterThan(before);
    before = await versionOf(id);
    const passkey = await db.passkey.create({
      data: { userId: id, credentialId: uniqueName("cred"), publicKey: "pk", deviceType: "singleDevice", name: "Key" },
    });
    expect(await versionOf(id)).toBeGreaterThan(before);
    before = await versionOf(id);
    // Using a passkey (counter, last used) is not a change to the account.
    await db.passkey.update({ where: { id: passkey.id }, data: { counter: 5, lastUsedAt: new Date() } });
    expect(await versionOf(id)).toBe(before);
    await db.passkey.delete({ where: { id: passkey.id } });
    expect(await versionOf(id)).toBeGreaterThan(before);
  });

  it("moves both accounts' versions when a passkey is moved from one to the other by hand", async () => {
    const a = await createTestUser({ role: "user" });
    const b = await createTestUser({ role: "user" });
    const passkey = await db.passkey.create({
      data: {
        userId: a.id,
        credentialId: uniqueName("cred"),
        publicKey: "pk",
        deviceType: "singleDevice",
        name: "Key",
      },
    });
    const [beforeA, beforeB] = [await versionOf(a.id), await versionOf(b.id)];
    await db.$executeRawUnsafe(`UPDATE "Passkey" SET "userId" = '${b.id}' WHERE "id" = '${passkey.id}'`);
    expect(await versionOf(a.id)).toBeGreaterThan(beforeA);
    expect(await versionOf(b.id)).toBeGreaterThan(beforeB);
  });

  it.runIf(dbProvider === "postgresql")(
    "moves every account's version when UserRole or Passkey is truncated",
    async () => {
      const { id } = await createTestUser({ role: "user" });
      // Inside a transaction that is rolled back: the tables are shared by the whole test run.
      const moved = await db
        .$transaction(async (tx) => {
          for (const table of ["Passkey", "UserRole"]) {
            const before = (await tx.user.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
            await tx.$executeRawUnsafe(`TRUNCATE "${table}"`);
            const after = (await tx.user.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
            if (after <= before) return table;
          }
          throw new Error("rollback");
        })
        .catch((error: unknown) =>
          error instanceof Error && error.message === "rollback" ? null : Promise.reject(error),
        );
      expect(moved).toBeNull();
    },
  );

  it("moves through the DAL's writers: own profile, roles, ban, unban", async () => {
    const made = await userWithRole("user");
    const id = made.viewer.userId;
    const steps: [string, () => Promise<unknown>][] = [
      [
        "profile",
        () =>
          updateOwnProfile(
            made.viewer,
            { firstName: "Grace", lastName: "Hopper", dateOfBirth: "1990-01-01" },
            testContext(),
          ),
      ],
      [
        "roles",
        async () =>
          setUserRoles(admin, { userId: id, roleIds: [await roleId("user"), await roleId("staff")] }, testContext()),
      ],
      ["ban", () => banUser(admin, { userId: id, reason: "Testing versions" }, testContext())],
      ["unban", () => unbanUser(admin, id, testContext())],
    ];
    for (const [what, step] of steps) {
      const before = (await getUserDetail(admin, id)).version;
      await step();
      expect((await getUserDetail(admin, id)).version, what).toBeGreaterThan(before);
    }
  });

  it("deleting an account with roles and passkeys still works (the triggers find no row to move)", async () => {
    const { id } = await createTestUser({ role: "staff" });
    await db.passkey.create({
      data: { userId: id, credentialId: uniqueName("cred"), publicKey: "pk", deviceType: "singleDevice", name: "Key" },
    });
    await db.user.delete({ where: { id } });
    expect(await db.userRole.count({ where: { userId: id } })).toBe(0);
  });
});

describe("assertAccountVersion", () => {
  it("passes the current version, refuses any other with 412, and moves nothing itself", async () => {
    const { id } = await createTestUser({ role: "user" });
    const current = (await readAccountVersion(db, id))!;
    const userVersion = await versionOf(id);
    await db.$transaction((tx) => assertAccountVersion(tx, id, current));
    await db.$transaction((tx) => assertAccountVersion(tx, id, undefined));
    for (const stale of [current - 1, current + 1, 0]) {
      await expect(db.$transaction((tx) => assertAccountVersion(tx, id, stale))).rejects.toBeInstanceOf(
        PreconditionFailedError,
      );
    }
    await expect(db.$transaction((tx) => assertAccountVersion(tx, "cmissing000000000000", 1))).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
    expect(await versionOf(id)).toBe(userVersion);
    expect(await readAccountVersion(db, id)).toBe(current);
  });

  it("setUserRoles with a stale version is 412 and changes no role", async () => {
    const { id } = await createTestUser({ role: "user" });
    const stale = (await getUserDetail(admin, id)).version;
    await db.user.update({ where: { id }, data: { firstName: "Moved" } });
    await expect(
      setUserRoles(admin, { userId: id, roleIds: [await roleId("staff")] }, testContext(), stale),
    ).rejects.toBeInstanceOf(PreconditionFailedError);
    expect((await getUserDetail(admin, id)).roles.map((r) => r.key)).toEqual(["user"]);
  });
});

describe.runIf(dbProvider === "sqlite")("the SQLite trigger", () => {
  it("names every column of User but version, updatedAt and totpLastStep (a new column must be added to it)", async () => {
    const columns = await db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM pragma_table_info('User')`);
    const [trigger] = await db.$queryRawUnsafe<{ sql: string }[]>(
      `SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'User_version_after_update'`,
    );
    expect(trigger).toBeDefined();
    const named = new Set([...trigger!.sql.matchAll(/NEW\."(\w+)" IS NOT OLD\."\1"/g)].map((m) => m[1]));
    const unwatched = ["version", "updatedAt", "totpLastStep"];
    const expected = columns.map((c) => c.name).filter((c) => !unwatched.includes(c));
    expect([...named].sort()).toEqual(expected.sort());
  });
});
