// Admin: a user's live sessions (unfinished sign-ins and impersonation sessions included, flagged),
// newest activity first. Never token hashes.
import "server-only";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth/viewer";
import { env } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";
import { describeUserAgent } from "@/lib/http/user-agent";
import { requirePermission } from "@/lib/rbac/can";
import { entityIdSchema } from "@/lib/validations/admin-user";

export type UserSessionItem = {
  id: string;
  device: string;
  ipAddress: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  remember: boolean;
  /** A sign-in that stopped at the second factor or at 2FA set-up. */
  unfinished: boolean;
  /** An administrator acting as the user (lib/data/impersonation). */
  impersonated: boolean;
};

export async function listUserSessions(viewer: Viewer | null, userId: unknown): Promise<UserSessionItem[]> {
  requirePermission(viewer, "sessions.manage");
  const parsed = entityIdSchema.safeParse(userId);
  if (!parsed.success) throw new NotFoundError("User not found.");
  const user = await db.user.findUnique({ where: { id: parsed.data }, select: { id: true } });
  if (!user) throw new NotFoundError("User not found.");
  const now = Date.now();
  const rows = await db.session.findMany({
    where: {
      userId: user.id,
      expiresAt: { gt: new Date(now) },
      lastSeenAt: { gte: new Date(now - env.SESSION_IDLE_MINUTES * 60_000) },
    },
    orderBy: [{ lastSeenAt: "desc" }, { id: "asc" }],
    take: 100,
    select: {
      id: true,
      state: true,
      userAgent: true,
      ipAddress: true,
      createdAt: true,
      lastSeenAt: true,
      expiresAt: true,
      remember: true,
      impersonatorId: true,
    },
  });
  return rows.map(({ userAgent, state, impersonatorId, ...r }) => ({
    ...r,
    device: describeUserAgent(userAgent),
    unfinished: state !== "active",
    impersonated: impersonatorId !== null,
  }));
}
