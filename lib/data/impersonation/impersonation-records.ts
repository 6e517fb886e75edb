// What the audit trail says about one impersonation. The "impersonation.started" event is the
// record that outlives the session row (which any sign-out, revocation, ban or expiry deletes), so
// ending an impersonation, its email and the clean-up of ones nobody stopped all read it here, and
// an impersonation counts as finished once its "impersonation.stopped" event exists.
import "server-only";
import type { Db, Tx } from "@/lib/db";

export type ImpersonationStart = {
  impersonationSessionId: string;
  adminId: string;
  adminSessionId: string;
  userId: string;
  reason: string;
  startedAt: Date;
  expiresAt: Date;
};

type Meta = Record<string, unknown>;

function parse(metadata: string): Meta {
  try {
    const value = JSON.parse(metadata) as unknown;
    return value && typeof value === "object" ? (value as Meta) : {};
  } catch {
    return {};
  }
}

type StartRow = { actorId: string | null; targetId: string | null; createdAt: Date; metadata: string };

export function startFromEvent(row: StartRow): ImpersonationStart | null {
  const m = parse(row.metadata);
  const str = (v: unknown) => (typeof v === "string" ? v : null);
  const id = str(m.impersonationSessionId);
  const adminSessionId = str(m.impersonatorSessionId);
  const expiresAt = str(m.expiresAt);
  if (!id || !adminSessionId || !expiresAt || !row.actorId || !row.targetId) return null;
  return {
    impersonationSessionId: id,
    adminId: row.actorId,
    adminSessionId,
    userId: row.targetId,
    reason: str(m.reason) ?? "",
    startedAt: row.createdAt,
    expiresAt: new Date(expiresAt),
  };
}

/** The session id an "impersonation.started" or "impersonation.stopped" event is about. */
export function sessionIdOfEvent(metadata: string): string | null {
  const id = parse(metadata).impersonationSessionId;
  return typeof id === "string" ? id : null;
}

/** The start of the impersonation that ran in session `sessionId`, or null if there was none. */
export async function findImpersonationStart(sessionId: string, client: Db | Tx): Promise<ImpersonationStart | null> {
  const rows = await client.auditEvent.findMany({
    where: { action: "impersonation.started", targetType: "user", metadata: { contains: sessionId } },
    select: { actorId: true, targetId: true, createdAt: true, metadata: true },
  });
  for (const row of rows) {
    const start = startFromEvent(row);
    if (start?.impersonationSessionId === sessionId) return start;
  }
  return null;
}

/** Whether the impersonation of `userId` in session `sessionId` has its "stopped" event. */
export async function isImpersonationFinished(sessionId: string, userId: string, client: Db | Tx): Promise<boolean> {
  const rows = await client.auditEvent.findMany({
    where: { action: "impersonation.stopped", targetType: "user", targetId: userId, metadata: { contains: sessionId } },
    select: { metadata: true },
  });
  return rows.some((r) => sessionIdOfEvent(r.metadata) === sessionId);
}
