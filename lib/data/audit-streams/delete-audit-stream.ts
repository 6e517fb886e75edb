// Deletes a stream and its delivery history (audit.manage). The audit events themselves stay.
import "server-only";
import { audit } from "@/lib/audit/audit";
import { displayStreamUrl } from "@/lib/audit/streams/stream-url";
import type { StreamEventRow } from "@/lib/audit/streams/event-payload";
import { changeEvent, handOverChange, handoverSource, type HandoverFrom } from "@/lib/audit/streams/hand-over-change";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { RequestContext } from "@/lib/http/request-context";
import { requirePermission } from "@/lib/rbac/can";
import { assertWritten, versionedWhere } from "@/lib/data/versioned-write";
import { AUDIT_STREAM_NOT_FOUND } from "@/lib/data/audit-streams/audit-stream-record";
import { loadStreamForWrite, parseStreamId } from "@/lib/data/audit-streams/write-audit-stream";

export async function deleteAuditStream(
  actor: Actor | null,
  id: unknown,
  ctx: RequestContext,
  expectedVersion?: number,
): Promise<{ id: string }> {
  requirePermission(actor, "audit.manage");
  const streamId = parseStreamId(id);
  let handover: { from: HandoverFrom; event: StreamEventRow } | null = null;
  const result = await db.$transaction(async (tx) => {
    const current = await loadStreamForWrite(tx, streamId, expectedVersion);
    const from = await handoverSource(tx, current.id);
    const { count } = await tx.auditStream.deleteMany({ where: versionedWhere(current.id, current.version) });
    await assertWritten(
      count,
      async () => (await tx.auditStream.count({ where: { id: current.id } })) > 0,
      AUDIT_STREAM_NOT_FOUND,
    );
    await audit(
      {
        action: "audit_stream.deleted",
        actorId: actor.userId,
        targetType: "audit_stream",
        targetId: current.id,
        targetName: current.name,
        metadata: { name: current.name, url: displayStreamUrl(current.url), cursorSeq: current.cursorSeq },
        context: ctx,
      },
      tx,
    );
    const event = from ? await changeEvent(tx, current.id, "audit_stream.deleted") : null;
    if (from && event) handover = { from, event };
    return { id: current.id };
  });
  // The deletion's own event goes to the destination that is going away (logged, as no stream is left).
  const pending = handover as { from: HandoverFrom; event: StreamEventRow } | null;
  if (pending) await handOverChange(pending.from, pending.event);
  return result;
}
