// Upkeep: removes provider sign-ins nobody finished (PendingExternalSignIn, with the claims they
// keep: names and an address) and spent or expired WebAuthn challenges. Both are already refused
// once expired; this keeps them from piling up and forgets the claims.
import "server-only";
import { db } from "@/lib/db";

export async function prunePendingSignIns(now = new Date()): Promise<number> {
  const [pending, challenges] = await db.$transaction([
    db.pendingExternalSignIn.deleteMany({ where: { OR: [{ expiresAt: { lte: now } }, { usedAt: { not: null } }] } }),
    db.webAuthnChallenge.deleteMany({ where: { expiresAt: { lte: now } } }),
  ]);
  return pending.count + challenges.count;
}
