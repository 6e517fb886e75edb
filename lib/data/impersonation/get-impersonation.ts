// What the impersonation banner shows: whom the viewer is acting as, the admin behind it and when
// the session ends. Null for everybody not in an impersonation session (no query then).
import "server-only";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth/viewer";

export type ImpersonationInfo = {
  user: { name: string; username: string };
  admin: { name: string; username: string };
  startedAt: Date;
  expiresAt: Date;
  /** Milliseconds left as of this read (the banner counts down from it, free of the browser's clock). */
  remainingMs: number;
};

export async function getImpersonation(viewer: Viewer | null): Promise<ImpersonationInfo | null> {
  if (!viewer?.impersonatorId) return null;
  const session = await db.session.findFirst({
    where: { id: viewer.sessionId, userId: viewer.userId, impersonatorId: viewer.impersonatorId },
    select: { createdAt: true, expiresAt: true },
  });
  if (!session) return null;
  const admin = await db.user.findUnique({
    where: { id: viewer.impersonatorId },
    select: { firstName: true, lastName: true, username: true },
  });
  return {
    user: { name: `${viewer.firstName} ${viewer.lastName}`.trim(), username: viewer.username },
    admin: admin
      ? { name: `${admin.firstName} ${admin.lastName}`.trim(), username: admin.username }
      : { name: "An administrator", username: "unknown" },
    startedAt: session.createdAt,
    expiresAt: session.expiresAt,
    remainingMs: Math.max(0, session.expiresAt.getTime() - Date.now()),
  };
}
