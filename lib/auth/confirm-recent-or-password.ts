// "Sudo mode" for minting access that outlives the session (an API key): a session signed in within
// the last 15 minutes has just proved its factors; an older one must give the account's password
// again (counted on the confirmation lockout, lib/auth/confirm-password.ts), and an account without
// a password (made through a provider) must sign in again. So a stolen or forgotten session cannot
// turn itself into a key that survives "sign out everywhere". An API key never mints another key.
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { confirmCurrentPassword } from "@/lib/auth/confirm-password";
import { hasPassword } from "@/lib/auth/password";
import { RECENT_SIGN_IN_MS, requireRecentSignIn } from "@/lib/auth/recent-sign-in";
import { ForbiddenError, ValidationError } from "@/lib/errors";

/** The session behind an actor, or null for an API key. */
function sessionIdOf(actor: Actor): string | null {
  const id = (actor as { sessionId?: unknown }).sessionId;
  return !actor.apiKeyId && typeof id === "string" ? id : null;
}

/** Whether the session signed in within the last 15 minutes, and whether its account has a password. */
async function standing(sessionId: string): Promise<{ recent: boolean; password: boolean } | null> {
  const session = await db.session.findUnique({
    where: { id: sessionId },
    select: { createdAt: true, user: { select: { passwordHash: true } } },
  });
  if (!session) return null;
  return { recent: Date.now() - session.createdAt.getTime() <= RECENT_SIGN_IN_MS, password: hasPassword(session.user) };
}

/** Whether this actor's session must give its password to `what` (for forms: show the field). */
export async function needsPasswordConfirmation(actor: Actor): Promise<boolean> {
  const sessionId = sessionIdOf(actor);
  const session = sessionId ? await standing(sessionId) : null;
  return !!session && !session.recent && session.password;
}

/** Throws unless the session signed in recently or `currentPassword` is the account's password. */
export async function confirmRecentOrPassword(actor: Actor, currentPassword: unknown, what: string): Promise<void> {
  const sessionId = sessionIdOf(actor);
  if (!sessionId) throw new ForbiddenError(`An API key cannot ${what}: do it signed in, in the browser.`);
  const session = await standing(sessionId);
  if (session?.recent) return;
  if (!session?.password) return requireRecentSignIn(sessionId, what);
  if (typeof currentPassword !== "string" || currentPassword === "") {
    throw new ValidationError(
      { currentPassword: [`Enter your current password to ${what}.`] },
      `Enter your current password to ${what}.`,
    );
  }
  await confirmCurrentPassword(actor.userId, currentPassword);
}
