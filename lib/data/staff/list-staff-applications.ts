// The staff-approval queue: pending applications of active accounts, oldest first (first come,
// first served), and the most recent decisions with who made them.
import "server-only";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth/viewer";
import { requirePermission } from "@/lib/rbac/can";

export type StaffApplication = {
  userId: string;
  username: string;
  email: string;
  firstName: string;
  lastName: string;
  emailVerified: boolean;
  appliedAt: Date;
  /** The viewer's own application (shown, but they cannot decide it). */
  self: boolean;
};

export type StaffDecision = {
  userId: string;
  username: string;
  firstName: string;
  lastName: string;
  decision: "approved" | "rejected";
  reason: string | null;
  decidedAt: Date;
  decidedBy: string | null;
};

const PENDING_LIMIT = 200;
const DECIDED_LIMIT = 20;

export async function listStaffApplications(
  viewer: Viewer | null,
): Promise<{ pending: StaffApplication[]; recent: StaffDecision[]; morePending: boolean }> {
  requirePermission(viewer, "staff.approve");
  const [pending, decided] = await Promise.all([
    db.user.findMany({
      where: { staffApproval: "pending", status: "active" },
      orderBy: [{ staffRequestedAt: "asc" }, { id: "asc" }],
      take: PENDING_LIMIT + 1,
      select: {
        id: true,
        username: true,
        email: true,
        firstName: true,
        lastName: true,
        emailVerifiedAt: true,
        staffRequestedAt: true,
        createdAt: true,
      },
    }),
    db.user.findMany({
      where: { staffApproval: { in: ["approved", "rejected"] }, staffDecidedAt: { not: null } },
      orderBy: [{ staffDecidedAt: "desc" }, { id: "desc" }],
      take: DECIDED_LIMIT,
      select: {
        id: true,
        username: true,
        firstName: true,
        lastName: true,
        staffApproval: true,
        staffRejectionReason: true,
        staffDecidedAt: true,
        staffDecidedById: true,
      },
    }),
  ]);
  const deciderIds = [...new Set(decided.map((d) => d.staffDecidedById).filter((id): id is string => !!id))];
  const deciders = deciderIds.length
    ? await db.user.findMany({
        where: { id: { in: deciderIds } },
        select: { id: true, firstName: true, lastName: true },
      })
    : [];
  const nameOf = new Map(deciders.map((d) => [d.id, `${d.firstName} ${d.lastName}`.trim()]));
  return {
    pending: pending.slice(0, PENDING_LIMIT).map((u) => ({
      userId: u.id,
      username: u.username,
      email: u.email,
      firstName: u.firstName,
      lastName: u.lastName,
      emailVerified: u.emailVerifiedAt !== null,
      appliedAt: u.staffRequestedAt ?? u.createdAt,
      self: u.id === viewer.userId,
    })),
    morePending: pending.length > PENDING_LIMIT,
    recent: decided.map((u) => ({
      userId: u.id,
      username: u.username,
      firstName: u.firstName,
      lastName: u.lastName,
      decision: u.staffApproval === "approved" ? "approved" : "rejected",
      reason: u.staffRejectionReason,
      decidedAt: u.staffDecidedAt ?? new Date(0),
      decidedBy: u.staffDecidedById ? (nameOf.get(u.staffDecidedById) ?? "A former user") : null,
    })),
  };
}
