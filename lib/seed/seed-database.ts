// Idempotent seed: the permission catalogue, the built-in roles and a first Super Admin.
// Safe to run on every start: it only adds what is missing and brings built-in roles' permission
// sets up to date (role flags such as requiresTwoFactor are left as administrators set them).
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
  createdAdmin: { email: string; username: string; password: string | null; generated: boolean } | null;
};

export async function seedDatabase(db: Db, options: SeedOptions): Promise<SeedResult> {
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

  for (const role of BUILT_IN_ROLES) {
    const row = await db.role.upsert({
      where: { key: role.key },
      create: {
        key: role.key,
        name: role.name,
        description: role.description,
        builtIn: true,
        requiresTwoFactor: role.requiresTwoFactor && (options.adminRolesRequire2fa ?? true),
      },
      update: { builtIn: true },
      select: { id: true },
    });
    await db.$transaction([
      db.rolePermission.deleteMany({ where: { roleId: row.id } }),
      db.rolePermission.createMany({
        data: role.permissions.map((key) => ({ roleId: row.id, permissionId: permissionIds.get(key)! })),
      }),
    ]);
  }

  const superAdmin = await db.role.findUniqueOrThrow({ where: { key: SUPER_ADMIN_ROLE }, select: { id: true } });
  const holders = await db.userRole.count({ where: { roleId: superAdmin.id } });
  if (holders > 0) return { createdAdmin: null };

  const email = (options.adminEmail ?? "admin@opsdeck.local").toLowerCase();
  const username = (options.adminUsername ?? "admin").toLowerCase();
  const generated = !options.adminPassword;
  const password = options.adminPassword ?? `demo-${randomBytes(12).toString("base64url")}`;
  const existing = await db.user.findFirst({ where: { OR: [{ email }, { username }] }, select: { id: true } });
  const user =
    existing ??
    (await db.user.create({
      data: {
        username,
        email,
        firstName: "Ada",
        lastName: "Admin",
        dateOfBirth: new Date(Date.UTC(1990, 0, 1)),
        passwordHash: await options.hashPassword(password),
        emailVerifiedAt: new Date(),
        status: "active",
      },
      select: { id: true },
    }));
  await db.userRole.create({ data: { userId: user.id, roleId: superAdmin.id } });
  return { createdAdmin: { email, username, password: existing ? null : password, generated } };
}
