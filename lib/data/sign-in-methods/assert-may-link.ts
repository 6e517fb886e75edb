// Whether the viewer may start linking a provider identity from Settings → Sign-in methods: a
// verified address (an unverified one may be a stranger's, who would keep the link after the owner
// takes the account back) and a recent sign-in (a forgotten or stolen session that is hours old
// cannot tie an intruder's identity to the account; signing in again proves the factors once more).
import "server-only";
import { db } from "@/lib/db";
import { assertNotImpersonating } from "@/lib/auth/assert-not-impersonating";
import { requireViewer } from "@/lib/auth/require-viewer";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError, ForbiddenError } from "@/lib/errors";

/** How recent the sign-in of the session must be. */
export const LINK_RECENT_SIGN_IN_MS = 15 * 60_000;

/** The viewer, when they may link; else a specific refusal. */
export async function assertMayLink(viewer: Viewer | null): Promise<Viewer> {
  requireViewer(viewer);
  assertNotImpersonating(viewer);
  if (!viewer.emailVerified) {
    throw new ForbiddenError("Confirm your email address before linking a sign-in provider.", "email_unverified");
  }
  const session = await db.session.findUnique({ where: { id: viewer.sessionId }, select: { createdAt: true } });
  if (!session || Date.now() - session.createdAt.getTime() > LINK_RECENT_SIGN_IN_MS) {
    throw new AppError(
      "recent_sign_in_required",
      403,
      "For your security, linking needs a recent sign-in: sign out, sign in again and link within 15 minutes.",
    );
  }
  return viewer;
}
