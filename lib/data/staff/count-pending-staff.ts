// How many staff applications wait for a decision: the count next to "Staff approvals" in the
// sidebar. Zero for anyone who may not approve (the query does not run for them). The app shell
// asks on every page view of those who may approve, so it is one statement through the driver
// (lib/db-raw.ts): Prisma's count compiled its query anew each time (~5 % of a Manager's
// dashboard view in a CPU profile under load).
import "server-only";
import { rawRead } from "@/lib/db-raw";
import type { Viewer } from "@/lib/auth/viewer";
import { can } from "@/lib/rbac/can";

const PENDING_STAFF = `SELECT COUNT(*) AS "n" FROM "User" WHERE "staffApproval" = 'pending' AND "status" = 'active'`;

export async function countPendingStaff(viewer: Viewer): Promise<number> {
  if (!can(viewer, "staff.approve")) return 0;
  const [row] = await rawRead<{ n: unknown }>(PENDING_STAFF);
  return Number(row?.n ?? 0);
}
