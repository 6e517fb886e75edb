// "Deliver now" (audit.manage): makes the stream due at once (nextAttemptAt = now, so a backoff
// ends) and audits that, in one transaction, then runs one bounded run of that stream (its wall
// time capped, not hundreds of 10 s attempts inside a server action); whatever is left is taken by
// the scheduled worker within seconds. The run goes through the same lease as the worker, so it
// never delivers alongside it; when another process holds the stream, the summary says busy.
// Rate-limited per user with "Send test" (both make the server call out).
import "server-only";
import { audit } from "@/lib/audit/audit";
import { countStreamProbe } from "@/lib/audit/streams/count-stream-probe";
import { deliverAuditStreams, type DeliveryRunSummary } from "@/lib/audit/streams/deliver-audit-streams";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { requirePermission } from "@/lib/rbac/can";
import { AUDIT_STREAM_NOT_FOUND } from "@/lib/data/audit-streams/audit-stream-record";
import { parseStreamId } from "@/lib/data/audit-streams/write-audit-stream";

/** The inline run's bounds: a person is waiting for the answer. */
export const DELIVER_NOW_LIMITS = { maxEventsPerStream: 200, maxRunMs: 15_000 } as const;

export async function deliverAuditStreamNow(
  actor: Actor | null,
  id: unknown,
  ctx: RequestContext,
): Promise<DeliveryRunSummary> {
  requirePermission(actor, "audit.manage");
  const streamId = parseStreamId(id);
  await countStreamProbe(actor.userId);
  await db.$transaction(async (tx) => {
    const stream = await tx.auditStream.findUnique({
      where: { id: streamId },
      select: { id: true, name: true, enabled: true, cursorSeq: true },
    });
    if (!stream) throw new NotFoundError(AUDIT_STREAM_NOT_FOUND);
    if (!stream.enabled) throw new ConflictError("The stream is paused. Resume it to deliver.");
    // Not a settings change: the version stays, so a run under way elsewhere is not interrupted.
    await tx.auditStream.updateMany({ where: { id: stream.id, enabled: true }, data: { nextAttemptAt: new Date() } });
    await audit(
      {
        action: "audit_stream.delivered_now",
        actorId: actor.userId,
        targetType: "audit_stream",
        targetId: stream.id,
        targetName: stream.name,
        metadata: { name: stream.name, cursorSeq: stream.cursorSeq },
        context: ctx,
      },
      tx,
    );
  });
  return deliverAuditStreams({ streamId, ...DELIVER_NOW_LIMITS });
}
