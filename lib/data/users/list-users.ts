// Admin: users, newest first, with a search over username, email and names. Keyset pagination:
// pass the last row's id as `cursor`.
import "server-only";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth/viewer";
import { requirePermission } from "@/lib/rbac/can";

export type UserListItem = {
  id: string;
  username: string;
  email: string;
  firstName: string;
  lastName: string;
  status: string;
  emailVerified: boolean;
  twoFactorEnabled: boolean;
  roles: string[];
  activeSessions: number;
  lastSignInAt: Date | null;
  createdAt: Date;
};

export async function listUsers(viewer: Viewer | null, options: { q?: string; cursor?: string; limit?: number } = {}): Promise<{ items: UserListItem[]; nextCursor: string | null }> {
  requirePermission(viewer, "users.read");
  const limit = Math.min(Math.max(options.limit ?? 25, 1), 100);
  const q = options.q?.trim().slice(0, 100);
  const where = q
    ? { OR: [{ username: { contains: q.toLowerCase() } }, { email: { contains: q.toLowerCase() } }, { firstName: { contains: q } }, { lastName: { contains: q } }] }
    : {};
  const rows = await db.user.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(options.cursor ? { cursor: { id: options.cursor }, skip: 1 } : {}),
    select: {
      id: true,
      username: true,
      email: true,
      firstName: true,
      lastName: true,
      status: true,
      emailVerifiedAt: true,
      totpEnabledAt: true,
      lastSignInAt: true,
      createdAt: true,
      roles: { select: { role: { select: { name: true } } } },
      _count: { select: { sessions: { where: { state: "active", expiresAt: { gt: new Date() } } } } },
    },
  });
  const page = rows.slice(0, limit);
  return {
    items: page.map((u) => ({
      id: u.id,
      username: u.username,
      email: u.email,
      firstName: u.firstName,
      lastName: u.lastName,
      status: u.status,
      emailVerified: u.emailVerifiedAt !== null,
      twoFactorEnabled: u.totpEnabledAt !== null,
      roles: u.roles.map((r) => r.role.name),
      activeSessions: u._count.sessions,
      lastSignInAt: u.lastSignInAt,
      createdAt: u.createdAt,
    })),
    nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
  };
}
