// The seed against a database of its own (of the run's provider), never the shared test database:
// these cases need a database without a Super Admin.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { createPrismaClient, providerOf, type Db } from "@/lib/db-client";
import { migrate } from "@/lib/db-migrate";
import { hashPassword } from "@/lib/auth/password";
import { SUPER_ADMIN_ROLE } from "@/lib/rbac/built-in-roles";
import { seedDatabase } from "@/lib/seed/seed-database";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A new, migrated, empty database on the same kind of server as the run's own. */
async function freshDatabase(): Promise<Db> {
  const runUrl = process.env.DATABASE_URL!;
  let url: string;
  let drop: () => Promise<void>;
  if (providerOf(runUrl) === "sqlite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "opsdeck-seed-"));
    url = `file:${path.join(dir, "seed.db")}`;
    drop = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const name = `opsdeck_seed_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
    const admin = new pg.Client({ connectionString: runUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(runUrl);
    u.pathname = `/${name}`;
    url = u.toString();
    drop = async () => {
      const c = new pg.Client({ connectionString: runUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  await migrate(url);
  const db = createPrismaClient(url);
  cleanups.push(async () => {
    await db.$disconnect();
    await drop();
  });
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
