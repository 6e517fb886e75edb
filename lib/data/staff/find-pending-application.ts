// The pending application a decision is about, read inside the decision's transaction. Only
// pending applications of active accounts can be decided; anything else is told apart so that the
// reviewer learns what happened (decided already: 409; no application: 404).
import "server-only";
import type { Tx } from "@/lib/db";
import type { Viewer } from "@/lib/auth/viewer";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";

export type PendingApplicant = { id: string; email: string; firstName: string; lastName: string; username: string };

export async function findPendingApplication(tx: Tx, viewer: Viewer, userId: unknown): Promise<PendingApplicant> {
  if (typeof userId !== "string" || !userId) throw new NotFoundError("No staff application found.");
  if (userId === viewer.userId) throw new ForbiddenError("You cannot decide your own staff application.");
  const user = await tx.user.findFirst({
    where: { id: userId, staffApproval: { not: null } },
    select: {
      id: true,
      email: true,
      firstName: true,
      lastName: true,
      username: true,
      staffApproval: true,
      status: true,
    },
  });
  if (!user) throw new NotFoundError("No staff application found.");
  if (user.staffApproval !== "pending") {
    throw new ConflictError(
      `This application was already ${user.staffApproval === "approved" ? "approved" : "rejected"}.`,
    );
  }
  if (user.status !== "active") throw new ConflictError("This account is banned; lift the ban before deciding.");
  return {
    id: user.id,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    username: user.username,
  };
}

/**
 * Records the decision only if the application is still pending: of two reviewers deciding at
 * once, one wins and the other gets 409.
 */
export async function markDecided(
  tx: Tx,
  viewer: Viewer,
  userId: string,
  decision: { staffApproval: "approved" | "rejected"; staffRejectionReason: string | null },
): Promise<void> {
  const { count } = await tx.user.updateMany({
    where: { id: userId, staffApproval: "pending", status: "active" },
    data: { ...decision, staffDecidedAt: new Date(), staffDecidedById: viewer.userId },
  });
  if (count !== 1) throw new ConflictError("This application was decided by someone else a moment ago.");
}
