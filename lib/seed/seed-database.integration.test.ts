// The seed against a database of its own (of the run's provider), never the shared test database:
// these cases need a database without a Super Admin.
import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db-client";
import { freshDatabase as freshTestDatabase } from "@/test/fresh-database";
import { hashPassword } from "@/lib/auth/password";
import { BUILT_IN_ROLES, SUPER_ADMIN_ROLE } from "@/lib/rbac/built-in-roles";
import { ALL_PERMISSIONS } from "@/lib/rbac/permissions";
import { seedDatabase } from "@/lib/seed/seed-database";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A new, migrated, empty database on the same kind of server as the run's own. */
async function freshDatabase(): Promise<Db> {
  const { db, remove } = await freshTestDatabase("seed");
  cleanups.push(remove);
  return db;
}

async function existingAccount(db: Db, username: string, email: string) {
  return db.user.create({
    data: {
      username,
      email,
      firstName: "Mallory",
      lastName: "Early",
      dateOfBirth: new Date(Date.UTC(1991, 4, 2)),
      passwordHash: await hashPassword("mallory's own password 1"),
      status: "active",
    },
    select: { id: true, passwordHash: true },
  });
}

const superAdminHolders = (db: Db) => db.userRole.count({ where: { role: { key: SUPER_ADMIN_ROLE } } });

describe("seedDatabase: the first Super Admin", () => {
  it("never promotes an existing account with the admin email to Super Admin", async () => {
    const db = await freshDatabase();
    const mallory = await existingAccount(db, "mallory", "admin@opsdeck.local");

    const result = await seedDatabase(db, { adminEmail: "Admin@Opsdeck.local", hashPassword });

    expect(result.createdAdmin).toBeNull();
    expect(result.adminNotCreated?.message).toMatch(
      /admin@opsdeck\.local.*already exists.*no Super Admin was created/i,
    );
    expect(result.adminNotCreated?.message).toMatch(/ADMIN_EMAIL/);
    expect(await superAdminHolders(db)).toBe(0);
    expect(await db.userRole.count({ where: { userId: mallory.id } })).toBe(0);
    // Nothing about the account changed, and no second account was made.
    expect(await db.user.count()).toBe(1);
    expect((await db.user.findUniqueOrThrow({ where: { id: mallory.id } })).passwordHash).toBe(mallory.passwordHash);
  });

  it("never promotes an existing account with the admin username to Super Admin", async () => {
    const db = await freshDatabase();
    const mallory = await existingAccount(db, "admin", "mallory@example.com");

    const result = await seedDatabase(db, {
      adminEmail: "owner@example.com",
      adminPassword: "x".repeat(16),
      hashPassword,
    });

    expect(result.createdAdmin).toBeNull();
    expect(result.adminNotCreated?.message).toMatch(/"admin" already exists/);
    expect(result.adminNotCreated?.message).toMatch(/ADMIN_USERNAME/);
    expect(await superAdminHolders(db)).toBe(0);
    expect(await db.userRole.count({ where: { userId: mallory.id } })).toBe(0);
    expect(await db.user.count()).toBe(1);
  });

  it("creates the first Super Admin under a free name, even when other accounts exist, and only once", async () => {
    const db = await freshDatabase();
    await existingAccount(db, "someone", "someone@example.com");

    const first = await seedDatabase(db, { adminEmail: "owner@example.com", hashPassword });
    expect(first.adminNotCreated).toBeNull();
    expect(first.createdAdmin).toMatchObject({ email: "owner@example.com", username: "admin", generated: true });
    expect(first.createdAdmin?.password).toMatch(/^demo-/);
    const admin = await db.user.findUniqueOrThrow({
      where: { email: "owner@example.com" },
      select: { emailVerifiedAt: true, roles: { select: { role: { select: { key: true } } } } },
    });
    expect(admin.roles.map((r) => r.role.key)).toEqual([SUPER_ADMIN_ROLE]);
    expect(admin.emailVerifiedAt).toBeInstanceOf(Date);

    // Idempotent: a holder exists, so nothing more is created or promoted.
    const again = await seedDatabase(db, { adminEmail: "other@example.com", adminUsername: "other", hashPassword });
    expect(again).toEqual({ createdAdmin: null, adminNotCreated: null });
    expect(await superAdminHolders(db)).toBe(1);
    expect(await db.user.count()).toBe(2);
  });
});

describe("seedDatabase: the permission catalogue and built-in roles", () => {
  const grantsOf = async (db: Db, roleKey: string) =>
    (
      await db.rolePermission.findMany({
        where: { role: { key: roleKey } },
        select: { permission: { select: { key: true } } },
      })
    )
      .map((g) => g.permission.key)
      .sort();

  const seed = (db: Db) => seedDatabase(db, { adminEmail: "owner@example.com", hashPassword });

  it("drops a key that left the catalogue, with its grants, and keeps the rest", async () => {
    const db = await freshDatabase();
    await seed(db);
    const staffBefore = await grantsOf(db, "staff");
    const bogus = await db.permission.create({ data: { key: "bogus.retired", description: "gone from the code" } });
    const staff = await db.role.findUniqueOrThrow({ where: { key: "staff" }, select: { id: true } });
    await db.rolePermission.create({ data: { roleId: staff.id, permissionId: bogus.id } });
    expect(await grantsOf(db, "staff")).toContain("bogus.retired");

    await seed(db);

    expect(await db.permission.count({ where: { key: "bogus.retired" } })).toBe(0);
    expect(await db.rolePermission.count({ where: { permissionId: bogus.id } })).toBe(0);
    expect(await grantsOf(db, "staff")).toEqual(staffBefore);
    expect(await db.permission.count()).toBe(ALL_PERMISSIONS.length);
  });

  it("keeps an administrator's edits of a built-in role's permissions and flags across re-seeds", async () => {
    const db = await freshDatabase();
    await seed(db);
    const staff = await db.role.findUniqueOrThrow({ where: { key: "staff" }, select: { id: true } });
    const analytics = await db.permission.findUniqueOrThrow({ where: { key: "analytics.read" } });
    await db.rolePermission.deleteMany({ where: { roleId: staff.id, permission: { key: "customers.write" } } });
    await db.rolePermission.create({ data: { roleId: staff.id, permissionId: analytics.id } });
    await db.role.update({ where: { id: staff.id }, data: { requiresTwoFactor: true, description: "Our crew." } });
    const edited = await grantsOf(db, "staff");

    await seed(db);
    await seed(db);

    expect(await grantsOf(db, "staff")).toEqual(edited);
    expect(edited).toContain("analytics.read");
    expect(edited).not.toContain("customers.write");
    expect(await db.role.findUniqueOrThrow({ where: { id: staff.id } })).toMatchObject({
      requiresTwoFactor: true,
      description: "Our crew.",
      builtIn: true,
      name: "Staff",
    });
  });

  it("gives Super Admin the whole catalogue back, whatever was taken from it", async () => {
    const db = await freshDatabase();
    await seed(db);
    const superAdmin = await db.role.findUniqueOrThrow({ where: { key: SUPER_ADMIN_ROLE }, select: { id: true } });
    await db.rolePermission.deleteMany({
      where: { roleId: superAdmin.id, permission: { key: { in: ["roles.manage", "users.manage", "audit.read"] } } },
    });
    expect(await grantsOf(db, SUPER_ADMIN_ROLE)).toHaveLength(ALL_PERMISSIONS.length - 3);

    await seed(db);

    expect(await grantsOf(db, SUPER_ADMIN_ROLE)).toEqual([...ALL_PERMISSIONS].sort());
  });

  it("adds a key new to the catalogue to the built-in roles whose defaults include it, and only those", async () => {
    const db = await freshDatabase();
    await seed(db);
    // As if the database predated staff.approve: the key and every grant of it are missing.
    await db.permission.delete({ where: { key: "staff.approve" } });

    await seed(db);

    expect(await db.permission.count({ where: { key: "staff.approve" } })).toBe(1);
    for (const role of BUILT_IN_ROLES) {
      expect((await grantsOf(db, role.key)).includes("staff.approve"), role.key).toBe(
        role.permissions.includes("staff.approve"),
      );
    }
  });
});
