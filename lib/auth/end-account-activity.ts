// "End everything this account has in flight": its sessions (all, or all but the one the owner is
// using), pending email-change and password-reset links, and a TOTP set-up not yet confirmed.
// Whoever held the account before the owner took it back (password reset or change, sign out
// everywhere, an administrator's revocation or 2FA reset) may have started any of these; none of
// them may outlive the take-over. Email-verification links stay: they only prove the address.
// Pass the caller's transaction so the take-over and the clean-up commit together.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { retireAccountLinks } from "@/lib/auth/one-time-tokens";

export async function endAccountActivity(
  userId: string,
  options: { exceptSessionId?: string } = {},
  tx: Tx = db,
): Promise<{ sessionsEnded: number }> {
  const keep = options.exceptSessionId;
  // Explicit rather than left to the session foreign key's cascade: a set-up of the kept session
  // stays, any other goes, whatever the database's foreign-key settings.
  await tx.pendingTotpEnrolment.deleteMany({ where: { userId, ...(keep ? { sessionId: { not: keep } } : {}) } });
  const { count } = await tx.session.deleteMany({ where: { userId, ...(keep ? { id: { not: keep } } : {}) } });
  await retireAccountLinks(userId, tx);
  return { sessionsEnded: count };
}
