// Fixtures of the activity-log tests: many events written at once, chained and hashed exactly as
// lib/audit/audit.ts writes them and with the head moved onto the last, so the shared test
// database's chain still verifies; and a way to take them back out (rows and head restored).
import { db } from "@/lib/db";
import { auditHash, CURRENT_HASH_VERSION, GENESIS_HASH } from "@/lib/audit/hash";
import { AUDIT_HEAD_ID, auditHeadMac } from "@/lib/audit/head-mac";

export type SeedEvent = {
  action: string;
  createdAt?: Date;
  actorId?: string | null;
  actorType?: string;
  actorName?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  targetName?: string | null;
  outcome?: "success" | "failure";
  reason?: string | null;
  ipAddress?: string | null;
  userAgent?: string | null;
  requestId?: string | null;
  metadata?: Record<string, unknown>;
};

export type SeededRange = { fromSeq: number; toSeq: number; restore: () => Promise<void> };

/** Appends `count` events (`make(i)` describes the i-th), in batches; returns their seq range. */
export async function seedAuditEvents(count: number, make: (i: number) => SeedEvent): Promise<SeededRange> {
  const last = await db.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  const head = await db.auditHead.findUnique({ where: { id: AUDIT_HEAD_ID } });
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const fromSeq = seq + 1;
  const BATCH = 2000;
  for (let start = 0; start < count; start += BATCH) {
    const rows = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const e = make(i);
      seq += 1;
      const row = {
        seq,
        createdAt: e.createdAt ?? new Date(),
        actorId: e.actorId ?? null,
        action: e.action,
        targetType: e.targetType ?? null,
        targetId: e.targetId ?? null,
        ipAddress: e.ipAddress ?? null,
        userAgent: e.userAgent ?? null,
        metadata: JSON.stringify(e.metadata ?? {}),
        prevHash,
        hashVersion: CURRENT_HASH_VERSION,
        actorType: e.actorType ?? (e.actorId ? "user" : "system"),
        actorName: e.actorName ?? null,
        targetName: e.targetName ?? null,
        outcome: e.outcome ?? "success",
        reason: e.reason ?? null,
        requestId: e.requestId ?? null,
      };
      const hash = auditHash(row);
      rows.push({ ...row, hash });
      prevHash = hash;
    }
    await db.auditEvent.createMany({ data: rows });
  }
  const next = { seq, hash: prevHash, mac: auditHeadMac(seq, prevHash) };
  await db.auditHead.upsert({ where: { id: AUDIT_HEAD_ID }, create: { id: AUDIT_HEAD_ID, ...next }, update: next });
  return {
    fromSeq,
    toSeq: seq,
    restore: async () => {
      await db.auditEvent.deleteMany({ where: { seq: { gte: fromSeq } } });
      if (head) {
        await db.auditHead.update({ where: { id: AUDIT_HEAD_ID }, data: { seq: head.seq, hash: head.hash, mac: head.mac } });
      } else {
        await db.auditHead.deleteMany({ where: { id: AUDIT_HEAD_ID } });
      }
    },
  };
}
