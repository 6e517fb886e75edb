// Pauses or resumes a stream (audit.manage; resuming also needs audit.read: a running stream reads
// the whole log). A paused stream's cursor stays where it is, so on
// resume it catches up on everything that happened meanwhile, in order; resuming also clears the
// backoff so delivery starts on the next run. Pausing an already paused stream changes nothing.
import "server-only";
import { audit } from "@/lib/audit/audit";
import type { StreamEventRow } from "@/lib/audit/streams/event-payload";
import { changeEvent, handOverChange, handoverSource, type HandoverFrom } from "@/lib/audit/streams/hand-over-change";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { RequestContext } from "@/lib/http/request-context";
import { requirePermission } from "@/lib/rbac/can";
import type { AuditStreamJson } from "@/lib/validations/audit-stream";
import { toAuditStreamJson } from "@/lib/data/audit-streams/audit-stream-record";
import { loadStreamForWrite, parseStreamId, writeStream } from "@/lib/data/audit-streams/write-audit-stream";

async function setPaused(
  actor: Actor | null,
  id: unknown,
  paused: boolean,
  ctx: RequestContext,
  expectedVersion?: number,
): Promise<AuditStreamJson> {
  requirePermission(actor, "audit.manage");
  if (!paused) requirePermission(actor, "audit.read");
  const streamId = parseStreamId(id);
  let handover: { from: HandoverFrom; event: StreamEventRow } | null = null;
  const result = await db.$transaction(async (tx) => {
    const current = await loadStreamForWrite(tx, streamId, expectedVersion);
    if (current.enabled === !paused) return toAuditStreamJson(current);
    const from = paused ? await handoverSource(tx, current.id) : null;
    const row = await writeStream(
      tx,
      current,
      paused
        ? { enabled: false, status: "paused", nextAttemptAt: null }
        : { enabled: true, status: "healthy", failureCount: 0, nextAttemptAt: null },
    );
    await audit(
      {
        action: paused ? "audit_stream.paused" : "audit_stream.resumed",
        actorId: actor.userId,
        targetType: "audit_stream",
        targetId: row.id,
        targetName: row.name,
        metadata: { name: row.name, cursorSeq: row.cursorSeq },
        context: ctx,
      },
      tx,
    );
    const event = from ? await changeEvent(tx, row.id, "audit_stream.paused") : null;
    if (from && event) handover = { from, event };
    return toAuditStreamJson(row);
  });
  // The SIEM hears of the pause before the stream goes quiet (lib/audit/streams/hand-over-change.ts).
  const pending = handover as { from: HandoverFrom; event: StreamEventRow } | null;
  if (pending) await handOverChange(pending.from, pending.event);
  return result;
}

export function pauseAuditStream(actor: Actor | null, id: unknown, ctx: RequestContext, expectedVersion?: number) {
  return setPaused(actor, id, true, ctx, expectedVersion);
}

export function resumeAuditStream(actor: Actor | null, id: unknown, ctx: RequestContext, expectedVersion?: number) {
  return setPaused(actor, id, false, ctx, expectedVersion);
}
