// Role edits take effect on the very next request, on every instance: the access version is moved
// by database triggers and the per-process role cache reloads when a session reads another version.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db, dbProvider } from "@/lib/db";
import { validateSessionToken } from "@/lib/auth/sessions";
import { viewerFromSession } from "@/lib/auth/viewer";
import { createRoleCache } from "@/lib/rbac/role-cache";
import { newUser, signIn } from "@/test/accounts";

const version = async () => (await db.accessVersion.findUniqueOrThrow({ where: { id: 1 } })).version;

async function viewerOf(token: string) {
  const session = await validateSessionToken(token);
  if (!session) throw new Error("session did not validate");
  return viewerFromSession(session);
}

async function customRole(permissionKeys: string[] = []) {
  const key = `test_${randomUUID().slice(0, 8)}`;
  const permissions = await db.permission.findMany({ where: { key: { in: permissionKeys } }, select: { id: true } });
  return db.role.create({
    data: { key, name: `Test ${key}`, permissions: { create: permissions.map((p) => ({ permissionId: p.id })) } },
    select: { id: true, key: true },
  });
}

describe("the access version", () => {
  it("moves on every kind of write to roles, their permissions and the permission catalogue", async () => {
    const steps: [string, () => Promise<unknown>][] = [];
    let roleId = "";
    let permissionId = "";
    steps.push(["role created", async () => (roleId = (await customRole()).id)]);
    steps.push(["role renamed", () => db.role.update({ where: { id: roleId }, data: { name: "Renamed" } })]);
    steps.push([
      "permission created and granted",
      async () => {
        permissionId = (await db.permission.create({ data: { key: `test.${randomUUID().slice(0, 8)}` } })).id;
        await db.rolePermission.create({ data: { roleId, permissionId } });
      },
    ]);
    steps.push(["grant removed", () => db.rolePermission.deleteMany({ where: { roleId, permissionId } })]);
    steps.push([
      "permission renamed",
      () => db.permission.update({ where: { id: permissionId }, data: { key: `test.${randomUUID().slice(0, 8)}` } }),
    ]);
    steps.push(["permission deleted", () => db.permission.delete({ where: { id: permissionId } })]);
    steps.push(["role deleted", () => db.role.delete({ where: { id: roleId } })]);
    for (const [name, step] of steps) {
      const before = await version();
      await step();
      expect(await version(), name).toBeGreaterThan(before);
    }
  });

  it("does not move when a role is assigned (the session query reads assignments itself)", async () => {
    const user = await newUser();
    const role = await customRole();
    const before = await version();
    await db.userRole.create({ data: { userId: user.id, roleId: role.id } });
    expect(await version()).toBe(before);
  });

  it("cannot be deleted (the triggers would have nothing left to move)", async () => {
    await expect(db.$executeRawUnsafe(`DELETE FROM "AccessVersion"`)).rejects.toThrow(/must stay/);
    expect(await version()).toBeGreaterThan(0);
  });

  it("moves when a table is emptied wholesale (TRUNCATE on PostgreSQL fires no DELETE trigger; SQLite's truncate optimisation)", async () => {
    // Inside a transaction that is rolled back, so the seeded roles stay.
    const moved = await db
      .$transaction(async (tx) => {
        const read = async () =>
          (await tx.$queryRawUnsafe<{ version: number }[]>(`SELECT "version" FROM "AccessVersion" WHERE "id" = 1`))[0]!
            .version;
        const before = await read();
        await tx.$executeRawUnsafe(
          dbProvider === "postgresql" ? `TRUNCATE "RolePermission"` : `DELETE FROM "RolePermission"`,
        );
        const after = await read();
        throw Object.assign(new Error("roll back"), { moved: after > before });
      })
      .catch((e: { moved?: boolean }) => e.moved);
    expect(moved).toBe(true);
  });

  it("is read with the session, in the same query", async () => {
    const user = await newUser();
    const { token } = await signIn(user.id);
    expect((await validateSessionToken(token))!.accessVersion).toBe(await version());
  });
});

describe("role changes take effect on the next request", () => {
  it("a permission removed from a role is gone from the holder's next request", async () => {
    const user = await newUser();
    const role = await customRole(["customers.read", "products.read"]);
    await db.userRole.create({ data: { userId: user.id, roleId: role.id } });
    const { token } = await signIn(user.id);
    expect((await viewerOf(token)).permissions.has("customers.read")).toBe(true);

    const permission = await db.permission.findUniqueOrThrow({ where: { key: "customers.read" } });
    await db.rolePermission.delete({
      where: { roleId_permissionId: { roleId: role.id, permissionId: permission.id } },
    });
    const next = await viewerOf(token);
    expect(next.permissions.has("customers.read")).toBe(false);
    expect(next.permissions.has("products.read")).toBe(true);
  });

  it("a permission added to a role, a role renamed, a role assigned and a role taken away all count at once", async () => {
    const user = await newUser();
    const role = await customRole([]);
    const { token } = await signIn(user.id);
    expect((await viewerOf(token)).roles.map((r) => r.key)).not.toContain(role.key);

    await db.userRole.create({ data: { userId: user.id, roleId: role.id } });
    expect((await viewerOf(token)).roles.map((r) => r.key)).toContain(role.key);

    const permission = await db.permission.findUniqueOrThrow({ where: { key: "analytics.read" } });
    await db.rolePermission.create({ data: { roleId: role.id, permissionId: permission.id } });
    expect((await viewerOf(token)).permissions.has("analytics.read")).toBe(true);

    await db.role.update({ where: { id: role.id }, data: { name: "Night shift" } });
    expect((await viewerOf(token)).roles.find((r) => r.key === role.key)?.name).toBe("Night shift");

    await db.userRole.delete({ where: { userId_roleId: { userId: user.id, roleId: role.id } } });
    const after = await viewerOf(token);
    expect(after.roles.map((r) => r.key)).not.toContain(role.key);
    expect(after.permissions.has("analytics.read")).toBe(false);
  });

  it("a role switched to require 2FA holds the holder's session back on the next request", async () => {
    const user = await newUser();
    const role = await customRole(["customers.read"]);
    await db.userRole.create({ data: { userId: user.id, roleId: role.id } });
    const { token } = await signIn(user.id);
    expect((await viewerOf(token)).sessionState).toBe("active");

    await db.role.update({ where: { id: role.id }, data: { requiresTwoFactor: true } });
    const next = await viewerOf(token);
    expect(next.sessionState).toBe("pending_enrolment");
    expect(next.permissions.size).toBe(0);
  });

  it("a held role the cache cannot find grants nothing and counts as requiring 2FA (fails closed)", async () => {
    const cache = createRoleCache(db);
    const session = (await validateSessionToken((await signIn((await newUser()).id)).token))!;
    const set = await cache.roleSet([...session.roleIds, "not-a-role-id"], session.accessVersion);
    expect(set.requiresTwoFactor).toBe(true);
    expect(set.granted).toContain("dashboard.view");
    expect(Object.isFrozen(set) && Object.isFrozen(set.roles) && Object.isFrozen(set.granted)).toBe(true);
  });

  it("two processes' caches agree after an edit made through neither of them", async () => {
    const user = await newUser();
    const role = await customRole(["staff.read"]);
    await db.userRole.create({ data: { userId: user.id, roleId: role.id } });
    const { token } = await signIn(user.id);
    const instances = [createRoleCache(db), createRoleCache(db)];
    const grants = async () => {
      const session = (await validateSessionToken(token))!;
      return Promise.all(instances.map(async (c) => (await c.roleSet(session.roleIds, session.accessVersion)).granted));
    };
    for (const granted of await grants()) expect(granted).toContain("staff.read");

    // As an admin's edit on a third instance, or by hand in SQL.
    await db.$executeRaw`DELETE FROM "RolePermission" WHERE "roleId" = ${role.id}`;
    for (const granted of await grants()) expect(granted).not.toContain("staff.read");
  });

  it("a role inherits its parent's and grandparent's permissions and 2FA requirement, and parent edits count on the next request", async () => {
    const grandparent = await customRole(["analytics.read"]);
    const parent = await customRole(["staff.read"]);
    const child = await customRole(["products.read"]);
    await db.role.update({ where: { id: parent.id }, data: { parentId: grandparent.id } });
    await db.role.update({ where: { id: child.id }, data: { parentId: parent.id } });
    const user = await newUser();
    await db.userRole.deleteMany({ where: { userId: user.id } });
    await db.userRole.create({ data: { userId: user.id, roleId: child.id } });
    const { token } = await signIn(user.id);
    const cache = createRoleCache(db);
    const granted = async () => {
      const session = (await validateSessionToken(token))!;
      return cache.roleSet(session.roleIds, session.accessVersion);
    };
    const before = await granted();
    expect(before.granted).toEqual(expect.arrayContaining(["products.read", "staff.read", "analytics.read"]));
    expect(before.roles.map((r) => r.key)).toEqual([child.key]);
    expect(before.requiresTwoFactor).toBe(false);

    // An edit of the grandparent reaches the grandchild's holder on the next request.
    await db.rolePermission.deleteMany({ where: { roleId: grandparent.id } });
    await db.role.update({ where: { id: grandparent.id }, data: { requiresTwoFactor: true } });
    const after = await granted();
    expect(after.granted).not.toContain("analytics.read");
    expect(after.requiresTwoFactor).toBe(true);

    // Detaching the parent drops what came through it.
    await db.role.update({ where: { id: child.id }, data: { parentId: null } });
    const detached = await granted();
    expect(detached.granted).toContain("products.read");
    expect(detached.granted).not.toContain("staff.read");
    expect(detached.requiresTwoFactor).toBe(false);
  });

  it("a parent cycle made by hand in SQL neither hangs nor grants anything outside the loop", async () => {
    const a = await customRole(["staff.read"]);
    const b = await customRole(["products.read"]);
    await db.role.update({ where: { id: a.id }, data: { parentId: b.id } });
    await db.role.update({ where: { id: b.id }, data: { parentId: a.id } });
    const user = await newUser();
    await db.userRole.deleteMany({ where: { userId: user.id } });
    await db.userRole.create({ data: { userId: user.id, roleId: a.id } });
    const session = (await validateSessionToken((await signIn(user.id)).token))!;
    const set = await createRoleCache(db).roleSet(session.roleIds, session.accessVersion);
    expect([...set.granted].sort()).toEqual(["products.read", "staff.read"]);
  });
});
