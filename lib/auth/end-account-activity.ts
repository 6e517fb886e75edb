// "End everything this account has in flight": its sessions (all, or all but the one the owner is
// using), pending email-change and password-reset links, and a TOTP set-up not yet confirmed.
// Whoever held the account before the owner took it back (password reset or change, sign out
// everywhere, an administrator's revocation or 2FA reset) may have started any of these; none of
// them may outlive the take-over. Email-verification links stay: they only prove the address.
// `revokeApiKeys` also revokes the account's own API keys: for the paths that mean "this account
// was, or may have been, in someone else's hands" (a reset through the emailed link, a ban, an
// admin's forced reset), since a key minted from a stolen session would otherwise outlive it.
// Pass the caller's transaction so the take-over and the clean-up commit together.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { retireAccountLinks } from "@/lib/auth/one-time-tokens";

export async function endAccountActivity(
  userId: string,
  options: { exceptSessionId?: string; revokeApiKeys?: boolean } = {},
  tx: Tx = db,
): Promise<{ sessionsEnded: number; apiKeysRevoked: number }> {
  const keep = options.exceptSessionId;
  // Explicit rather than left to the session foreign key's cascade: a set-up of the kept session
  // stays, any other goes, whatever the database's foreign-key settings.
  await tx.pendingTotpEnrolment.deleteMany({ where: { userId, ...(keep ? { sessionId: { not: keep } } : {}) } });
  const { count } = await tx.session.deleteMany({ where: { userId, ...(keep ? { id: { not: keep } } : {}) } });
  await retireAccountLinks(userId, tx);
  const revoked = options.revokeApiKeys
    ? await tx.apiKey.updateMany({ where: { ownerId: userId, revokedAt: null }, data: { revokedAt: new Date() } })
    : { count: 0 };
  return { sessionsEnded: count, apiKeysRevoked: revoked.count };
}
