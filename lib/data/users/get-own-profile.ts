import "server-only";
import { db } from "@/lib/db";
import { requireViewer } from "@/lib/auth/require-viewer";
import type { Viewer } from "@/lib/auth/viewer";

export async function getOwnProfile(viewer: Viewer | null) {
  requireViewer(viewer);
  const user = await db.user.findUniqueOrThrow({
    where: { id: viewer.userId },
    select: { username: true, email: true, firstName: true, lastName: true, dateOfBirth: true, emailVerifiedAt: true, createdAt: true },
  });
  const pendingEmail = await db.oneTimeToken.findFirst({
    where: { userId: viewer.userId, purpose: "email_change", usedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: { data: true },
  });
  return { ...user, dateOfBirth: user.dateOfBirth.toISOString().slice(0, 10), pendingEmail: pendingEmail?.data ?? null };
}
