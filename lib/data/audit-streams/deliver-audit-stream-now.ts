// "Deliver now" (audit.manage): one delivery run of one stream at once, without waiting for the
// next scheduled run or the end of its backoff. It goes through the same lease as the scheduled
// worker, so it never delivers alongside it; when another process holds the stream, it says so.
import "server-only";
import { deliverAuditStreams, type DeliveryRunSummary } from "@/lib/audit/streams/deliver-audit-streams";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { requirePermission } from "@/lib/rbac/can";
import { AUDIT_STREAM_NOT_FOUND } from "@/lib/data/audit-streams/audit-stream-record";
import { parseStreamId } from "@/lib/data/audit-streams/write-audit-stream";

export async function deliverAuditStreamNow(actor: Actor | null, id: unknown): Promise<DeliveryRunSummary> {
  requirePermission(actor, "audit.manage");
  const streamId = parseStreamId(id);
  const stream = await db.auditStream.findUnique({ where: { id: streamId }, select: { enabled: true } });
  if (!stream) throw new NotFoundError(AUDIT_STREAM_NOT_FOUND);
  if (!stream.enabled) throw new ConflictError("The stream is paused. Resume it to deliver.");
  return deliverAuditStreams({ streamId, ignoreBackoff: true, maxEventsPerStream: 200 });
}
