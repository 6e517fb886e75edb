// Fixtures for the user-administration integration tests (lib/data/users/*, lib/rbac/*): admins
// of each built-in role signed in through the real session path, custom roles with parents, an
// "owner" who holds every permission without being a Super Admin, and a way to make a chosen set
// the only active Super Admins for a test (the seeded one is shared by every file).
import { db } from "@/lib/db";
import { encryptSecret } from "@/lib/auth/crypto";
import { validateSessionToken } from "@/lib/auth/sessions";
import { viewerFromSession, type Viewer } from "@/lib/auth/viewer";
import { SUPER_ADMIN_ROLE } from "@/lib/rbac/built-in-roles";
import { ALL_PERMISSIONS } from "@/lib/rbac/permissions";
import { signIn } from "@/test/accounts";
import { createTestUser } from "@/test/create-test-user";
import { uniqueName } from "@/test/helpers";

/** Marks 2FA on (as if enrolled), so a role that requires it does not hold the session back. */
export async function markTwoFactorOn(userId: string) {
  await db.user.update({
    where: { id: userId },
    data: { totpEnabledAt: new Date(), totpSecretEnc: encryptSecret("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP") },
  });
}

/** A custom role with these permission keys and, optionally, a parent. */
export async function customRole(permissions: readonly string[], parentId: string | null = null) {
  const key = uniqueName("role_");
  const rows = await db.permission.findMany({ where: { key: { in: [...permissions] } }, select: { id: true } });
  return db.role.create({
    data: {
      key,
      name: `Role ${key}`,
      parentId,
      permissions: { create: rows.map((p) => ({ permissionId: p.id })) },
    },
    select: { id: true, key: true, name: true },
  });
}

/** A fresh user holding `roleKey` (2FA on), signed in; `viewer` is what the DAL sees. */
export async function userWithRole(roleKey: string) {
  const user = await createTestUser({ role: roleKey });
  await markTwoFactorOn(user.id);
  const session = await signIn(user.id);
  return { ...user, ...session };
}

/** Someone holding every permission through a custom role: may manage Super Admins without being one. */
export async function owner() {
  const role = await customRole(ALL_PERMISSIONS);
  const user = await createTestUser({ role: role.key });
  return { ...user, ...(await signIn(user.id)) };
}

/** The viewer of `token` as the next request would see it (role changes count at once). */
export async function nextRequestViewer(token: string): Promise<Viewer | null> {
  const session = await validateSessionToken(token);
  return session ? viewerFromSession(session) : null;
}

/** The same person seen through an impersonation session started by `adminId`. */
export async function impersonated(sessionId: string, token: string, adminId: string): Promise<Viewer> {
  await db.session.update({ where: { id: sessionId }, data: { impersonatorId: adminId, impersonationReason: "test" } });
  const viewer = await nextRequestViewer(token);
  if (!viewer) throw new Error("impersonated session did not validate");
  return viewer;
}

export async function roleKeysOf(userId: string): Promise<string[]> {
  const rows = await db.userRole.findMany({ where: { userId }, select: { role: { select: { key: true } } } });
  return rows.map((r) => r.role.key).sort();
}

export async function roleId(key: string): Promise<string> {
  return (await db.role.findUniqueOrThrow({ where: { key }, select: { id: true } })).id;
}

/** The newest audit event of `action` about `targetId`, with its metadata parsed. */
export async function lastAudit(action: string, targetId: string) {
  const row = await db.auditEvent.findFirst({ where: { action, targetId }, orderBy: { seq: "desc" } });
  return row ? { ...row, meta: JSON.parse(row.metadata) as Record<string, unknown> } : null;
}

/**
 * Makes `keep` the only active Super Admins for the duration of `work`: every other active holder
 * (the seeded admin included) is marked banned meanwhile, and set back to active afterwards.
 */
export async function withOnlySuperAdmins<T>(keep: readonly string[], work: () => Promise<T>): Promise<T> {
  const others = await db.user.findMany({
    where: { status: "active", id: { notIn: [...keep] }, roles: { some: { role: { key: SUPER_ADMIN_ROLE } } } },
    select: { id: true },
  });
  const ids = others.map((u) => u.id);
  await db.user.updateMany({ where: { id: { in: ids } }, data: { status: "banned" } });
  try {
    return await work();
  } finally {
    await db.user.updateMany({ where: { id: { in: ids } }, data: { status: "active" } });
  }
}
