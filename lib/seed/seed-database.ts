// Idempotent seed: the permission catalogue, the built-in roles and a first Super Admin.
// Safe to run on every start: it syncs the permission catalogue both ways (new keys added, removed
// keys dropped with their grants) and brings built-in roles' permission sets up to date (role flags such as requiresTwoFactor are left as administrators set them).
// The Super Admin is created only while nobody holds the role, and only as a new account.
import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db-client";
import { ALL_PERMISSIONS, PERMISSIONS } from "@/lib/rbac/permissions";
import { BUILT_IN_ROLES, SUPER_ADMIN_ROLE } from "@/lib/rbac/built-in-roles";

export type SeedOptions = {
  adminEmail?: string;
  adminPassword?: string;
  adminUsername?: string;
  /** Super Admin and Admin require 2FA when first created (default true). */
  adminRolesRequire2fa?: boolean;
  hashPassword: (password: string) => Promise<string>;
};

export type SeedResult = {
  createdAdmin: { email: string; username: string; password: string; generated: boolean } | null;
  /** Set when no Super Admin exists and the configured name belongs to someone: nothing was created. */
  adminNotCreated: { taken: "email" | "username"; message: string } | null;
};

export async function seedDatabase(db: Db, options: SeedOptions): Promise<SeedResult> {
  // Both ways: keys no longer in the catalogue go, with their grants (RolePermission cascades).
  await db.permission.deleteMany({ where: { key: { notIn: ALL_PERMISSIONS } } });
  const known = new Set((await db.permission.findMany({ select: { key: true } })).map((p) => p.key));
  for (const key of ALL_PERMISSIONS) {
    await db.permission.upsert({
      where: { key },
      create: { key, description: PERMISSIONS[key].description },
      update: { description: PERMISSIONS[key].description },
    });
  }
  const permissionIds = new Map(
    (await db.permission.findMany({ select: { id: true, key: true } })).map((p) => [p.key, p.id]),
  );

  // Built-in roles get their default permissions when first created. After that administrators
  // own them (except Super Admin, which always holds the whole catalogue): a later run only adds a
  // key that is new to the catalogue to the built-in roles whose defaults include it.
  for (const role of BUILT_IN_ROLES) {
    const existing = await db.role.findUnique({ where: { key: role.key }, select: { id: true } });
    const row = await db.role.upsert({
      where: { key: role.key },
      create: {
        key: role.key,
        name: role.name,
        description: role.description,
        builtIn: true,
        requiresTwoFactor: role.requiresTwoFactor && (options.adminRolesRequire2fa ?? true),
      },
      update: { builtIn: true, name: role.name },
      select: { id: true },
    });
    const held = new Set(
      (await db.rolePermission.findMany({ where: { roleId: row.id }, select: { permission: { select: { key: true } } } })).map(
        (g) => g.permission.key,
      ),
    );
    const defaults = !existing || role.key === SUPER_ADMIN_ROLE ? role.permissions : role.permissions.filter((k) => !known.has(k));
    const grant = defaults.filter((k) => !held.has(k));
    if (!grant.length) continue;
    await db.rolePermission.createMany({
      data: grant.map((key) => ({ roleId: row.id, permissionId: permissionIds.get(key)! })),
    });
  }

  const superAdmin = await db.role.findUniqueOrThrow({ where: { key: SUPER_ADMIN_ROLE }, select: { id: true } });
  const holders = await db.userRole.count({ where: { roleId: superAdmin.id } });
  if (holders > 0) return { createdAdmin: null, adminNotCreated: null };

  const email = (options.adminEmail ?? "admin@opsdeck.local").toLowerCase();
  const username = (options.adminUsername ?? "admin").toLowerCase();
  // The seed makes the first Super Admin; it never promotes an account that already exists. Whoever
  // registered that name (possibly a stranger who signed up before the first seed) has proved nothing.
  const existing = await db.user.findFirst({ where: { OR: [{ email }, { username }] }, select: { email: true } });
  if (existing) {
    const taken = existing.email === email ? "email" : "username";
    const name = taken === "email" ? email : `"${username}"`;
    return {
      createdAdmin: null,
      adminNotCreated: {
        taken,
        message:
          `An account named ${name} already exists; no Super Admin was created. Set ADMIN_EMAIL/ADMIN_USERNAME ` +
          "to a free address and username, or grant the role from an existing Super Admin.",
      },
    };
  }

  const generated = !options.adminPassword;
  const password = options.adminPassword ?? `demo-${randomBytes(12).toString("base64url")}`;
  // One write: the account and its role together, or neither.
  await db.user.create({
    data: {
      username,
      email,
      firstName: "Ada",
      lastName: "Admin",
      dateOfBirth: new Date(Date.UTC(1990, 0, 1)),
      passwordHash: await options.hashPassword(password),
      emailVerifiedAt: new Date(),
      status: "active",
      roles: { create: { roleId: superAdmin.id } },
    },
    select: { id: true },
  });
  return { createdAdmin: { email, username, password, generated }, adminNotCreated: null };
}
