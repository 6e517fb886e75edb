// Rejects a pending staff application with a reason. The account stays an ordinary one (its roles
// are unchanged) and is no longer held on the waiting page; the applicant is emailed the reason,
// and sees it once more in the app (app/(auth)/pending-approval). Same rules as approving: the
// permission, never one's own application, only pending ones.
import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import type { Viewer } from "@/lib/auth/viewer";
import { staffRejectedEmail } from "@/lib/email/staff-messages";
import { sendEmail } from "@/lib/email/send-email";
import type { RequestContext } from "@/lib/http/request-context";
import { absoluteUrl } from "@/lib/http/urls";
import { requirePermission } from "@/lib/rbac/can";
import { staffRejectionSchema } from "@/lib/validations/staff";
import { parseOrThrow } from "@/lib/validations/parse";
import { findPendingApplication, markDecided } from "@/lib/data/staff/find-pending-application";

export async function rejectStaff(
  viewer: Viewer | null,
  userId: unknown,
  input: unknown,
  ctx: RequestContext,
): Promise<void> {
  requirePermission(viewer, "staff.approve");
  const { reason } = parseOrThrow(staffRejectionSchema, input);
  const applicant = await db.$transaction(async (tx) => {
    const applicant = await findPendingApplication(tx, viewer, userId);
    await markDecided(tx, viewer, applicant.id, { staffApproval: "rejected", staffRejectionReason: reason });
    await audit(
      {
        action: "staff.application_rejected",
        actorId: viewer.userId,
        targetType: "user",
        targetId: applicant.id,
        metadata: { staffApprovalBefore: "pending", staffApprovalAfter: "rejected", reason },
        context: ctx,
      },
      tx,
    );
    return applicant;
  });
  await sendEmail(applicant.email, staffRejectedEmail(applicant.firstName, reason, absoluteUrl("/pending-approval")));
}
