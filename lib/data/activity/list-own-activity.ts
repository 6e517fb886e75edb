// The viewer's own recent activity, for the dashboard. Filters by the viewer: never anyone else's.
// Besides what they did: sign-in attempts on their account by someone not signed in (failed
// sign-ins and lockouts name the account as the target and no actor: whoever typed is not known).
// Read through the driver (lib/db-raw.ts): every dashboard view runs it, and Prisma compiled the
// OR query anew on each call (about a tenth of the page's server CPU under load, bench:http).
// Two index walks, each newest first and limited ([actorId, seq] and [targetType, targetId, seq]),
// merged: the two halves never share a row (one has an actor, the other none).
import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { rawRead } from "@/lib/db-raw";
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

const COLUMNS = `"id", "seq", "action", "createdAt", "ipAddress", "userAgent"`;
const OWN_ACTIVITY = `SELECT ${COLUMNS} FROM (SELECT ${COLUMNS} FROM "AuditEvent"
    WHERE "actorId" = ? ORDER BY "seq" DESC LIMIT ?) mine
  UNION ALL
  SELECT ${COLUMNS} FROM (SELECT ${COLUMNS} FROM "AuditEvent"
    WHERE "actorId" IS NULL AND "targetType" = 'user' AND "targetId" = ? AND "action" LIKE 'auth.%'
    ORDER BY "seq" DESC LIMIT ?) about
  ORDER BY "seq" DESC LIMIT ?`;

type Row = Omit<OwnActivityItem, "label"> & { seq: unknown };

export async function listOwnActivity(viewer: Viewer | null, limit = 10): Promise<OwnActivityItem[]> {
  requirePermission(viewer, "dashboard.view");
  const take = Math.min(Math.max(1, Math.trunc(limit) || 1), 50);
  const rows = await rawRead<Row>(OWN_ACTIVITY, [viewer.userId, take, viewer.userId, take, take]);
  return rows.map(({ id, action, createdAt, ipAddress, userAgent }) => ({
    id,
    action,
    label: auditLabel(action),
    createdAt,
    ipAddress,
    userAgent,
  }));
}
