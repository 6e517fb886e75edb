// Approves a pending staff application: the applicant gets the Staff role (keeping the roles they
// had) and from their next request holds its permissions. The approver needs staff.approve and
// every permission the Staff role grants (nobody hands out more than they hold), and cannot approve
// themselves. The applicant is emailed; the decision is audited in the same transaction.
import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import type { Viewer } from "@/lib/auth/viewer";
import { staffApprovedEmail } from "@/lib/email/staff-messages";
import { sendEmail } from "@/lib/email/send-email";
import type { RequestContext } from "@/lib/http/request-context";
import { absoluteUrl } from "@/lib/http/urls";
import { STAFF_ROLE } from "@/lib/rbac/built-in-roles";
import { requirePermission } from "@/lib/rbac/can";
import { assertCanGrantRoleById } from "@/lib/rbac/assert-can-grant-role";
import { findPendingApplication, markDecided } from "@/lib/data/staff/find-pending-application";

export async function approveStaff(viewer: Viewer | null, userId: unknown, ctx: RequestContext): Promise<void> {
  requirePermission(viewer, "staff.approve");
  const applicant = await db.$transaction(async (tx) => {
    const applicant = await findPendingApplication(tx, viewer, userId);
    const role = await tx.role.findUnique({ where: { key: STAFF_ROLE }, select: { id: true, name: true } });
    if (!role) throw new Error(`Built-in role "${STAFF_ROLE}" is missing: run the seed`);
    await assertCanGrantRoleById(
      viewer,
      role.id,
      tx,
      "Approving grants the Staff role, which holds permissions you do not have.",
    );
    const before = await tx.userRole.findMany({
      where: { userId: applicant.id },
      select: { role: { select: { key: true } } },
    });
    await markDecided(tx, viewer, applicant.id, { staffApproval: "approved", staffRejectionReason: null });
    await tx.userRole.upsert({
      where: { userId_roleId: { userId: applicant.id, roleId: role.id } },
      create: { userId: applicant.id, roleId: role.id },
      update: {},
    });
    const rolesBefore = before.map((r) => r.role.key).sort();
    await audit(
      {
        action: "staff.application_approved",
        actorId: viewer.userId,
        targetType: "user",
        targetId: applicant.id,
        metadata: {
          staffApprovalBefore: "pending",
          staffApprovalAfter: "approved",
          rolesBefore,
          rolesAfter: [...new Set([...rolesBefore, STAFF_ROLE])].sort(),
        },
        context: ctx,
      },
      tx,
    );
    return applicant;
  });
  await sendEmail(applicant.email, staffApprovedEmail(applicant.firstName, absoluteUrl("/dashboard")));
}
