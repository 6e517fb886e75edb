// Whether the viewer may start linking a provider identity from Settings → Sign-in methods: a
// verified address (an unverified one may be a stranger's, who would keep the link after the owner
// takes the account back) and a recent sign-in (a forgotten or stolen session that is hours old
// cannot tie an intruder's identity to the account; signing in again proves the factors once more).
import "server-only";
import { assertNotImpersonating } from "@/lib/auth/assert-not-impersonating";
import { requireViewer } from "@/lib/auth/require-viewer";
import type { Viewer } from "@/lib/auth/viewer";
import { ForbiddenError } from "@/lib/errors";
import { requireRecentSignIn } from "@/lib/auth/recent-sign-in";

/** The viewer, when they may link; else a specific refusal. */
export async function assertMayLink(viewer: Viewer | null): Promise<Viewer> {
  requireViewer(viewer);
  assertNotImpersonating(viewer);
  if (!viewer.emailVerified) {
    throw new ForbiddenError("Confirm your email address before linking a sign-in provider.", "email_unverified");
  }
  await requireRecentSignIn(viewer.sessionId, "linking a sign-in provider");
  return viewer;
}
