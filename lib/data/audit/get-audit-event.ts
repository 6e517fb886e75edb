// One event of the activity log by id (audit.read), with its readable diff (the drawer on
// /logs/events, GET /api/v1/audit-events/{id}).
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { requirePermission } from "@/lib/rbac/can";
import { auditEventSelect, toAuditEventJson } from "@/lib/data/audit/audit-event-record";
import { auditEventDiff } from "@/lib/data/audit/audit-event-diff";
import type { AuditEventDetail } from "@/lib/validations/audit-event";

export const AUDIT_EVENT_NOT_FOUND = "Event not found.";
const ID = /^[A-Za-z0-9_-]{1,64}$/;

export async function getAuditEvent(actor: Actor | null, id: unknown): Promise<AuditEventDetail> {
  requirePermission(actor, "audit.read");
  if (typeof id !== "string" || !ID.test(id)) throw new NotFoundError(AUDIT_EVENT_NOT_FOUND);
  const row = await db.auditEvent.findUnique({ where: { id }, select: auditEventSelect });
  if (!row) throw new NotFoundError(AUDIT_EVENT_NOT_FOUND);
  const event = toAuditEventJson(row);
  return { ...event, diff: auditEventDiff(event.action, event.metadata) };
}
