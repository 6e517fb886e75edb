// The viewer's own sessions for Settings → Sessions, unfinished sign-ins included (a password
// someone else knows shows up here), this device first. Never anyone else's; never token hashes.
import "server-only";
import { requireViewer } from "@/lib/auth/require-viewer";
import type { Viewer } from "@/lib/auth/viewer";
import { findLiveSessions, type LiveSession } from "@/lib/data/sessions/find-live-sessions";

export type OwnSession = Omit<LiveSession, "impersonated"> & { current: boolean };

export async function listOwnSessions(viewer: Viewer | null): Promise<OwnSession[]> {
  requireViewer(viewer);
  const sessions = await findLiveSessions(viewer.userId);
  return sessions
    .map(({ impersonated: _impersonated, ...s }) => ({ ...s, current: s.id === viewer.sessionId }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}
