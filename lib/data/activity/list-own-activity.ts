// The viewer's own recent activity, for the dashboard. Filters by the viewer: never anyone else's.
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
    where: { actorId: viewer.userId },
    orderBy: { seq: "desc" },
    take: Math.min(Math.max(1, limit), 50),
    select: { id: true, action: true, createdAt: true, ipAddress: true, userAgent: true },
  });
  return rows.map((r) => ({ ...r, label: auditLabel(r.action) }));
}
