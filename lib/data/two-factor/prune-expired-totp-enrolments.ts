// Upkeep: removes 2FA set-ups nobody confirmed in time. They are already ignored once expired
// (status and confirm check expiresAt); this keeps abandoned encrypted keys from piling up.
import "server-only";
import { db } from "@/lib/db";

export async function pruneExpiredTotpEnrolments(now = new Date()): Promise<number> {
  const { count } = await db.pendingTotpEnrolment.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
