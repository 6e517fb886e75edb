// Admin: a user's live sessions (unfinished sign-ins and impersonation sessions included, flagged),
// newest activity first. Never token hashes.
import "server-only";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth/viewer";
import { findLiveSessions, type LiveSession } from "@/lib/data/sessions/find-live-sessions";
import { NotFoundError } from "@/lib/errors";
import { requirePermission } from "@/lib/rbac/can";
import { entityIdSchema } from "@/lib/validations/admin-user";

export type UserSessionItem = LiveSession;

export async function listUserSessions(viewer: Viewer | null, userId: unknown): Promise<UserSessionItem[]> {
  requirePermission(viewer, "sessions.manage");
  const parsed = entityIdSchema.safeParse(userId);
  if (!parsed.success) throw new NotFoundError("User not found.");
  const user = await db.user.findUnique({ where: { id: parsed.data }, select: { id: true } });
  if (!user) throw new NotFoundError("User not found.");
  return findLiveSessions(user.id, { take: 100 });
}
