// Whether starting a TOTP set-up must prove the password again. Only a session that has just
// checked it (a sign-in held back for enrolment within the last minutes) may skip it. A full
// session may be a stolen or forgotten cookie; so may a session held back later, when its user
// gained a role requiring 2FA (lib/auth/viewer.ts): without the password, whoever held it could
// bind the account to their own authenticator. Replacing a key being set up always needs it.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { PENDING_SESSION_MS } from "@/lib/auth/sessions";
import { hasPassword } from "@/lib/auth/password";
import type { Viewer } from "@/lib/auth/viewer";

export async function enrolmentNeedsPassword(viewer: Viewer, tx: Tx = db): Promise<boolean> {
  if (viewer.sessionState !== "pending_enrolment") return true;
  const now = new Date();
  const live = await tx.pendingTotpEnrolment.findFirst({
    where: { userId: viewer.userId, expiresAt: { gt: now } },
    select: { id: true },
  });
  if (live) return true;
  const session = await tx.session.findUnique({
    where: { id: viewer.sessionId },
    select: { createdAt: true, signInMethod: true, user: { select: { passwordHash: true } } },
  });
  if (!session) return true;
  // A password sign-in's start is the moment its password was checked (lib/auth/sessions.ts). A
  // sign-in by another method proved no password: an account that has one must give it; one made
  // through a provider without a password has only the recent sign-in to show.
  if (session.signInMethod !== "password" && hasPassword(session.user)) return true;
  return now.getTime() - session.createdAt.getTime() > PENDING_SESSION_MS;
}
