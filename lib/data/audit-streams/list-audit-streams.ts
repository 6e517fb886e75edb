// Every stream (audit.manage), oldest first; there are at most AUDIT_STREAM_LIMITS.streams, so no
// pagination. `pendingEvents` counts the log's events after each stream's cursor (not all of them
// match its filter): a growing number means the stream is falling behind.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { requirePermission } from "@/lib/rbac/can";
import type { AuditStreamJson } from "@/lib/validations/audit-stream";
import { auditStreamSelect, toAuditStreamJson } from "@/lib/data/audit-streams/audit-stream-record";

export type AuditStreamListItem = AuditStreamJson & { pendingEvents: number };

export async function listAuditStreams(actor: Actor | null): Promise<AuditStreamListItem[]> {
  requirePermission(actor, "audit.manage");
  const rows = await db.auditStream.findMany({
    select: auditStreamSelect,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  if (rows.length === 0) return [];
  const newest = (await db.auditEvent.aggregate({ _max: { seq: true } }))._max.seq ?? 0;
  // seq has no gaps (each append takes the next number), so the distance is the count.
  return rows.map((row) => ({ ...toAuditStreamJson(row), pendingEvents: Math.max(0, newest - row.cursorSeq) }));
}
