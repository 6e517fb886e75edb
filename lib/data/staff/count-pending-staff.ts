// How many staff applications wait for a decision: the count next to "Staff approvals" in the
// sidebar. Zero for anyone who may not approve (the query does not run for them).
import "server-only";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth/viewer";
import { can } from "@/lib/rbac/can";

export async function countPendingStaff(viewer: Viewer): Promise<number> {
  if (!can(viewer, "staff.approve")) return 0;
  return db.user.count({ where: { staffApproval: "pending", status: "active" } });
}
