// "Sudo mode" for changes to how an account signs in: the session's sign-in must be recent (its
// start is the moment its factors were last checked, lib/auth/sessions.ts), so a forgotten or
// stolen session that is hours old cannot add, remove or link a way into the account. Signing in
// again proves every factor the account has once more.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { PENDING_SESSION_MS } from "@/lib/auth/sessions";
import { AppError } from "@/lib/errors";

/** How recent the sign-in must be: as long as a half-finished sign-in lives (15 minutes). */
export const RECENT_SIGN_IN_MS = PENDING_SESSION_MS;

/** Throws 403 `recent_sign_in_required` ("Sign in again to <what>…") unless the session is recent. */
export async function requireRecentSignIn(sessionId: string, what: string, tx: Tx = db): Promise<void> {
  const session = await tx.session.findUnique({ where: { id: sessionId }, select: { createdAt: true } });
  if (!session || Date.now() - session.createdAt.getTime() > RECENT_SIGN_IN_MS) {
    throw new AppError(
      "recent_sign_in_required",
      403,
      `For your security, ${what} needs a recent sign-in: sign out, sign in again and do it within 15 minutes.`,
    );
  }
}
