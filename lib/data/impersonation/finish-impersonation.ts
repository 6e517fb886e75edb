// Ends one impersonation, exactly once: its session row goes, an "impersonation.stopped" event is
// written (actor the admin, target the person, with how it ended and how long it lasted) and the
// person is emailed. "stop" is the admin pressing the button; "lapsed" is the clean-up of one that
// nobody stopped (its 30 minutes ran out, or the session was signed out, revoked or ended with a
// ban), which leaves a session still alive untouched. Finishers are serialised by a lock and the
// "stopped" event is the mark, so the admin's stop, the banner's own stop at 0:00 and the
// clean-up (finish-lapsed-impersonations.ts) never email twice.
import "server-only";
import { db, dbProvider, type Tx } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { env } from "@/lib/env";
import { sendEmail } from "@/lib/email/send-email";
import { impersonationNoticeEmail, type ImpersonationEnding } from "@/lib/email/impersonation-messages";
import type { RequestContext } from "@/lib/http/request-context";
import { log } from "@/lib/log";
import {
  findImpersonationStart,
  isImpersonationFinished,
  type ImpersonationStart,
} from "@/lib/data/impersonation/impersonation-records";

const IMPERSONATION_FINISH_LOCK = 7_310_010;

export type FinishedImpersonation = ImpersonationStart & { endedAt: Date; ending: ImpersonationEnding };

/** Serialises finishers: PostgreSQL an advisory lock; SQLite its write lock, taken by a write that changes nothing. */
async function lockFinishers(tx: Tx): Promise<void> {
  if (dbProvider === "postgresql") await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${IMPERSONATION_FINISH_LOCK})`);
  else await tx.$executeRawUnsafe(`UPDATE "Session" SET "id" = "id" WHERE 0`);
}

export async function finishImpersonation(
  sessionId: string,
  how: "stop" | "lapsed",
  ctx?: RequestContext,
): Promise<FinishedImpersonation | null> {
  const finished = await db.$transaction(async (tx) => {
    await lockFinishers(tx);
    const now = new Date();
    // Only ever an impersonation session: this path cannot end anybody's own sign-in.
    const impersonation = { id: sessionId, impersonatorId: { not: null } };
    let wasAlive: boolean;
    if (how === "stop") {
      const row = await tx.session.findFirst({ where: impersonation, select: { expiresAt: true } });
      wasAlive = !!row && row.expiresAt > now;
      await tx.session.deleteMany({ where: impersonation });
    } else {
      const idleCutoff = new Date(now.getTime() - env.SESSION_IDLE_MINUTES * 60_000);
      await tx.session.deleteMany({
        where: { ...impersonation, OR: [{ expiresAt: { lte: now } }, { lastSeenAt: { lt: idleCutoff } }] },
      });
      if (await tx.session.findFirst({ where: { id: sessionId }, select: { id: true } })) return null;
      wasAlive = false;
    }
    const start = await findImpersonationStart(sessionId, tx);
    if (!start || (await isImpersonationFinished(sessionId, start.userId, tx))) return null;

    const ending: ImpersonationEnding = wasAlive ? "stopped" : now >= start.expiresAt ? "expired" : "ended";
    const endedAt = ending === "expired" ? start.expiresAt : now;
    await audit(
      {
        action: "impersonation.stopped",
        actorId: start.adminId,
        targetType: "user",
        targetId: start.userId,
        metadata: {
          impersonationSessionId: sessionId,
          ended: ending,
          startedAt: start.startedAt.toISOString(),
          durationSeconds: Math.max(0, Math.round((endedAt.getTime() - start.startedAt.getTime()) / 1000)),
        },
        context: ctx,
      },
      tx,
    );
    const user = await tx.user.findUnique({ where: { id: start.userId }, select: { email: true, firstName: true } });
    const admin = await tx.user.findUnique({
      where: { id: start.adminId },
      select: { firstName: true, lastName: true, username: true },
    });
    return { finished: { ...start, endedAt, ending }, user, admin };
  });
  if (!finished) return null;
  const { user, admin } = finished;
  if (user) {
    try {
      await sendEmail(
        user.email,
        impersonationNoticeEmail({
          firstName: user.firstName,
          adminName: admin ? `${admin.firstName} ${admin.lastName}`.trim() : "An administrator",
          adminUsername: admin?.username ?? "unknown",
          startedAt: finished.finished.startedAt,
          endedAt: finished.finished.endedAt,
          reason: finished.finished.reason,
          ending: finished.finished.ending,
        }),
      );
    } catch (err) {
      log.error({ err, sessionId }, "impersonation notice could not be queued");
    }
  }
  return finished.finished;
}
