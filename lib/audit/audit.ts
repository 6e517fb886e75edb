// The one way to write the audit trail. Rows are append-only and hash-chained: each row's hash
// covers its canonical content plus the previous row's hash, so editing or deleting any row
// breaks verification of every row after it (see verify-audit-chain.ts).
import "server-only";
import { db, dbProvider, type Tx } from "@/lib/db";
import type { AuditAction } from "@/lib/audit/actions";
import { auditHash, GENESIS_HASH } from "@/lib/audit/hash";
import { log } from "@/lib/log";

export type AuditInput = {
  action: AuditAction;
  actorId?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  metadata?: Record<string, string | number | boolean | null>;
  context?: { ip: string | null; userAgent: string | null };
};

async function append(tx: Tx, input: AuditInput) {
  if (dbProvider === "postgresql") {
    // Serialise appenders so that two rows never claim the same predecessor.
    await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock(424242)");
  }
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  const row = {
    seq: (last?.seq ?? 0) + 1,
    createdAt: new Date(),
    actorId: input.actorId ?? null,
    action: input.action,
    targetType: input.targetType ?? null,
    targetId: input.targetId ?? null,
    ipAddress: input.context?.ip ?? null,
    userAgent: input.context?.userAgent ?? null,
    metadata: JSON.stringify(input.metadata ?? {}),
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  return tx.auditEvent.create({ data: { ...row, hash: auditHash(row) }, select: { id: true } });
}

/**
 * Records an audit event. Pass `tx` to make the event part of the caller's transaction (it is then
 * written if and only if the change it describes is).
 */
export async function audit(input: AuditInput, tx?: Tx): Promise<void> {
  if (tx) {
    await append(tx, input);
    return;
  }
  for (let attempt = 1; ; attempt++) {
    try {
      await db.$transaction((t) => append(t, input));
      return;
    } catch (error) {
      // SQLite writers race on `seq` under concurrency; the unique index refuses the loser.
      const retryable = (error as { code?: string }).code === "P2002" && attempt < 8;
      if (!retryable) {
        log.error({ err: error, action: input.action }, "audit write failed");
        throw error;
      }
    }
  }
}
