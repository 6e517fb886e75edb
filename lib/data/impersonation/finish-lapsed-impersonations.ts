// The clean-up of impersonations nobody stopped: every one started in the last week whose session is
// over (30 minutes ran out, signed out, revoked, banned) and that has no "stopped" event yet gets
// one, and its email. Runs after every stop and from the maintenance tick; impersonations are rare,
// so reading a week of their events is cheap.
import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { finishImpersonation } from "@/lib/data/impersonation/finish-impersonation";
import { sessionIdOfEvent } from "@/lib/data/impersonation/impersonation-records";

const LOOK_BACK_MS = 7 * 86_400_000;

export async function finishLapsedImpersonations(now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - LOOK_BACK_MS);
  const [started, stopped] = await Promise.all([
    db.auditEvent.findMany({ where: { action: "impersonation.started", createdAt: { gte: since } }, select: { metadata: true } }),
    db.auditEvent.findMany({ where: { action: "impersonation.stopped", createdAt: { gte: since } }, select: { metadata: true } }),
  ]);
  const done = new Set(stopped.map((e) => sessionIdOfEvent(e.metadata)));
  const open = started.map((e) => sessionIdOfEvent(e.metadata)).filter((id): id is string => !!id && !done.has(id));
  if (!open.length) return 0;
  const idleCutoff = new Date(now.getTime() - env.SESSION_IDLE_MINUTES * 60_000);
  const alive = await db.session.findMany({
    where: { id: { in: open }, expiresAt: { gt: now }, lastSeenAt: { gte: idleCutoff } },
    select: { id: true },
  });
  const running = new Set(alive.map((s) => s.id));
  let finished = 0;
  for (const id of open) {
    if (running.has(id)) continue;
    try {
      if (await finishImpersonation(id, "lapsed")) finished++;
    } catch (err) {
      log.warn({ err, sessionId: id }, "could not finish a lapsed impersonation; the next clean-up tries again");
    }
  }
  return finished;
}
