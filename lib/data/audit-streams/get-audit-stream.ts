// One stream with its most recent delivery attempts (audit.manage).
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { requirePermission } from "@/lib/rbac/can";
import {
  auditStreamIdSchema,
  type AuditStreamDeliveryJson,
  type AuditStreamJson,
} from "@/lib/validations/audit-stream";
import {
  AUDIT_STREAM_NOT_FOUND,
  auditStreamSelect,
  deliverySelect,
  toAuditStreamJson,
  toDeliveryJson,
} from "@/lib/data/audit-streams/audit-stream-record";

export const RECENT_DELIVERIES = 25;

export type AuditStreamDetail = AuditStreamJson & { deliveries: AuditStreamDeliveryJson[]; pendingEvents: number };

export async function getAuditStream(actor: Actor | null, id: unknown): Promise<AuditStreamDetail> {
  requirePermission(actor, "audit.manage");
  const parsed = auditStreamIdSchema.safeParse(id);
  if (!parsed.success) throw new NotFoundError(AUDIT_STREAM_NOT_FOUND);
  const row = await db.auditStream.findUnique({
    where: { id: parsed.data },
    select: {
      ...auditStreamSelect,
      deliveries: { select: deliverySelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: RECENT_DELIVERIES },
    },
  });
  if (!row) throw new NotFoundError(AUDIT_STREAM_NOT_FOUND);
  const pendingEvents = await db.auditEvent.count({ where: { seq: { gt: row.cursorSeq } } });
  const { deliveries, ...stream } = row;
  return { ...toAuditStreamJson(stream), deliveries: deliveries.map(toDeliveryJson), pendingEvents };
}
