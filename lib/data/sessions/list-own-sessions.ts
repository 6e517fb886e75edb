// The viewer's own sessions for Settings → Sessions, unfinished sign-ins included (a password
// someone else knows shows up here). Never anyone else's; never token hashes.
import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { requireViewer } from "@/lib/auth/require-viewer";
import type { Viewer } from "@/lib/auth/viewer";
import { describeUserAgent } from "@/lib/http/user-agent";

export type OwnSession = {
  id: string;
  device: string;
  ipAddress: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  remember: boolean;
  current: boolean;
  /** A sign-in that stopped at the second factor or at 2FA set-up. */
  unfinished: boolean;
};

export async function listOwnSessions(viewer: Viewer | null): Promise<OwnSession[]> {
  requireViewer(viewer);
  const idleCutoff = new Date(Date.now() - env.SESSION_IDLE_MINUTES * 60_000);
  const rows = await db.session.findMany({
    where: { userId: viewer.userId, expiresAt: { gt: new Date() }, lastSeenAt: { gte: idleCutoff } },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, state: true, userAgent: true, ipAddress: true, createdAt: true, lastSeenAt: true, expiresAt: true, remember: true },
  });
  return rows
    .map(({ userAgent, state, ...r }) => ({ ...r, device: describeUserAgent(userAgent), current: r.id === viewer.sessionId, unfinished: state !== "active" }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}
