// The viewer's own recent activity, for the dashboard. Filters by the viewer: never anyone else's.
// Besides what they did: sign-in attempts on their account by someone not signed in (failed
// sign-ins and lockouts name the account as the target and no actor: whoever typed is not known).
import "server-only";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth/viewer";
import { requirePermission } from "@/lib/rbac/can";
import { auditLabel } from "@/lib/audit/actions";

export type OwnActivityItem = {
  id: string;
  action: string;
  label: string;
  createdAt: Date;
  ipAddress: string | null;
  userAgent: string | null;
};

export async function listOwnActivity(viewer: Viewer | null, limit = 10): Promise<OwnActivityItem[]> {
  requirePermission(viewer, "dashboard.view");
  const rows = await db.auditEvent.findMany({
    where: {
      OR: [
        { actorId: viewer.userId },
        { actorId: null, targetType: "user", targetId: viewer.userId, action: { startsWith: "auth." } },
      ],
    },
    orderBy: { seq: "desc" },
    take: Math.min(Math.max(1, limit), 50),
    select: { id: true, action: true, createdAt: true, ipAddress: true, userAgent: true },
  });
  return rows.map((r) => ({ ...r, label: auditLabel(r.action) }));
}
