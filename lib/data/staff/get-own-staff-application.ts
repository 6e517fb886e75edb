// The signed-in person's own staff application, for the waiting page: whether it waits or was
// rejected (with the reason), and since when. Nobody else's: the lookup is by the viewer's own id.
import "server-only";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth/viewer";
import { UnauthenticatedError } from "@/lib/errors";

export type OwnStaffApplication =
  | { status: "pending"; appliedAt: Date }
  | { status: "rejected"; appliedAt: Date; decidedAt: Date; reason: string }
  | { status: "approved"; decidedAt: Date }
  | { status: "none" };

export async function getOwnStaffApplication(viewer: Viewer | null): Promise<OwnStaffApplication> {
  if (!viewer) throw new UnauthenticatedError();
  const user = await db.user.findUnique({
    where: { id: viewer.userId },
    select: {
      staffApproval: true,
      staffRequestedAt: true,
      staffDecidedAt: true,
      staffRejectionReason: true,
      createdAt: true,
    },
  });
  const appliedAt = user?.staffRequestedAt ?? user?.createdAt ?? new Date();
  switch (user?.staffApproval) {
    case "pending":
      return { status: "pending", appliedAt };
    case "rejected":
      return {
        status: "rejected",
        appliedAt,
        decidedAt: user.staffDecidedAt ?? appliedAt,
        reason: user.staffRejectionReason ?? "No reason was recorded.",
      };
    case "approved":
      return { status: "approved", decidedAt: user.staffDecidedAt ?? appliedAt };
    default:
      return { status: "none" };
  }
}
