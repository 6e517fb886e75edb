// Retention: deletes audit events older than AUDIT_RETENTION_DAYS from the start of the chain and
// leaves a signed AuditAnchor (the last pruned seq and hash, how many, the cutoff, an HMAC under the
// server key) so the shortened chain still verifies from the anchor. Each batch is one
// transaction holding the audit log's write lock (the same one appenders take), so the anchor, the
// deletion and the `audit.pruned` event that records it are one change, and several instances
// pruning at once take turns: each batch re-reads where the chain starts. The events a batch would
// delete are verified first: pruning never launders a tampered row out of the evidence.
import "server-only";
import { randomUUID } from "node:crypto";
import { db, dbProvider, type Tx } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { auditHash, GENESIS_HASH } from "@/lib/audit/hash";
import { AUDIT_HEAD_ID, isAuthenticHead } from "@/lib/audit/head-mac";
import { auditAnchorMac, isAuthenticAnchor } from "@/lib/audit/anchor-mac";
import { env } from "@/lib/env";

/** The advisory lock audit.ts takes around every append (PostgreSQL). */
const AUDIT_APPEND_LOCK = 424242;

const DAY_MS = 24 * 60 * 60 * 1000;

export type PruneAuditLogOptions = {
  now?: Date;
  /** Defaults to AUDIT_RETENTION_DAYS; 0 keeps everything. */
  retentionDays?: number;
  /** Events deleted per transaction. */
  batchSize?: number;
  /** Count what would be pruned, change nothing. */
  dryRun?: boolean;
};

export type PruneRefusal = { seq: number | null; id: string | null; reason: string };

export type PruneAuditLogResult = {
  retentionDays: number;
  /** Events created before this are pruned; null when retention is off. */
  cutoff: Date | null;
  dryRun: boolean;
  /** Events deleted (or, in a dry run, that would be). */
  prunedEvents: number;
  /** One anchor per batch: through which seq, how many events. */
  anchors: { throughSeq: number; prunedCount: number }[];
  /** Stream delivery attempts older than the cutoff, deleted (or that would be). */
  prunedDeliveries: number;
  /** Set when pruning stopped because the events it would delete (or the anchor) do not verify. */
  refused: PruneRefusal | null;
};

/** Serialises with appenders: PostgreSQL the append lock; SQLite its write lock, taken by a write that changes nothing. */
async function lockAuditLog(tx: Tx): Promise<void> {
  if (dbProvider === "postgresql") await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${AUDIT_APPEND_LOCK})`);
  else await tx.$executeRawUnsafe(`UPDATE "AuditEvent" SET "id" = "id" WHERE 0`);
}

type Plan =
  | { kind: "done" }
  | { kind: "refused"; refusal: PruneRefusal }
  | { kind: "prune"; fromSeq: number; throughSeq: number; throughHash: string; count: number };

/**
 * What the next batch may delete: the oldest events after the newest anchor that are all older
 * than the cutoff, at most `batchSize`, never the newest event nor the head's, every one verified.
 */
async function planBatch(tx: Tx, cutoff: Date, batchSize: number, runStartSeq: number): Promise<Plan> {
  const anchor = await tx.auditAnchor.findFirst({ orderBy: { throughSeq: "desc" } });
  if (anchor && !isAuthenticAnchor(anchor)) {
    return {
      kind: "refused",
      refusal: {
        seq: anchor.throughSeq,
        id: null,
        reason: `retention anchor ${anchor.id} does not carry the server's MAC`,
      },
    };
  }
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } });
  if (!last) return { kind: "done" };
  const head = await tx.auditHead.findUnique({ where: { id: AUDIT_HEAD_ID } });
  if (head && !isAuthenticHead(head)) {
    return {
      kind: "refused",
      refusal: { seq: head.seq, id: null, reason: "the audit head does not carry the server's MAC" },
    };
  }
  // Never the newest event nor the head's, and never what this run wrote itself: with a clock ahead
  // of the events (another instance's, or a test's), its own audit.pruned events would otherwise be
  // old enough to prune in the next batch, forever.
  const limitSeq = Math.min(last.seq, head?.seq ?? last.seq, runStartSeq) - 1;
  let prevSeq = anchor?.throughSeq ?? 0;
  let prevHash = anchor?.throughHash ?? GENESIS_HASH;
  const fromSeq = prevSeq + 1;
  if (limitSeq < fromSeq) return { kind: "done" };

  // One more than the batch: the first event kept must link to the last one pruned.
  const rows = await tx.auditEvent.findMany({
    where: { seq: { gt: prevSeq } },
    orderBy: { seq: "asc" },
    take: batchSize + 1,
  });
  let count = 0;
  for (const row of rows) {
    const refuse = (reason: string): Plan => ({ kind: "refused", refusal: { seq: row.seq, id: row.id, reason } });
    if (row.seq !== prevSeq + 1) return refuse(`events ${prevSeq + 1}–${row.seq - 1} are missing`);
    if (row.prevHash !== prevHash) return refuse("its link does not match the previous event's hash");
    const prunable = count < batchSize && row.seq <= limitSeq && row.createdAt < cutoff;
    // The first event kept is checked for its link only: it stays, and verification checks the rest.
    if (!prunable) break;
    if (auditHash(row) !== row.hash) return refuse("its content does not match its hash");
    prevSeq = row.seq;
    prevHash = row.hash;
    count += 1;
  }
  if (count === 0) return { kind: "done" };
  return { kind: "prune", fromSeq, throughSeq: prevSeq, throughHash: prevHash, count };
}

async function pruneBatch(cutoff: Date, retentionDays: number, batchSize: number, runStartSeq: number): Promise<Plan> {
  return db.$transaction(
    async (tx) => {
      await lockAuditLog(tx);
      const plan = await planBatch(tx, cutoff, batchSize, runStartSeq);
      if (plan.kind !== "prune") return plan;
      const { count } = await tx.auditEvent.deleteMany({ where: { seq: { gte: plan.fromSeq, lte: plan.throughSeq } } });
      if (count !== plan.count) throw new Error(`audit prune deleted ${count} events, planned ${plan.count}`);
      // The id is chosen here so that the MAC covers it too.
      const fields = {
        id: randomUUID(),
        throughSeq: plan.throughSeq,
        throughHash: plan.throughHash,
        prunedCount: plan.count,
        cutoff,
        createdAt: new Date(),
      };
      const anchor = await tx.auditAnchor.create({
        data: { ...fields, mac: auditAnchorMac(fields) },
        select: { id: true },
      });
      await audit(
        {
          action: "audit.pruned",
          targetType: "audit_anchor",
          targetId: anchor.id,
          targetName: `Pruned through seq ${plan.throughSeq}`,
          metadata: {
            fromSeq: plan.fromSeq,
            throughSeq: plan.throughSeq,
            prunedCount: plan.count,
            cutoff: cutoff.toISOString(),
            retentionDays,
          },
        },
        tx,
      );
      return plan;
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}

/** A dry run's count: the same rules as planBatch, without the batch limit or the hash checks. */
async function countPrunable(cutoff: Date): Promise<number> {
  const anchor = await db.auditAnchor.findFirst({ orderBy: { throughSeq: "desc" }, select: { throughSeq: true } });
  const last = await db.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } });
  if (!last) return 0;
  const head = await db.auditHead.findUnique({ where: { id: AUDIT_HEAD_ID }, select: { seq: true } });
  const fromSeq = (anchor?.throughSeq ?? 0) + 1;
  const firstKept = await db.auditEvent.findFirst({
    where: { seq: { gte: fromSeq }, createdAt: { gte: cutoff } },
    orderBy: { seq: "asc" },
    select: { seq: true },
  });
  const throughSeq = Math.min(last.seq - 1, (head?.seq ?? last.seq) - 1, (firstKept?.seq ?? Infinity) - 1);
  return throughSeq < fromSeq ? 0 : db.auditEvent.count({ where: { seq: { gte: fromSeq, lte: throughSeq } } });
}

export function retentionCutoff(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * DAY_MS);
}

export async function pruneAuditLog(options: PruneAuditLogOptions = {}): Promise<PruneAuditLogResult> {
  const retentionDays = options.retentionDays ?? env.AUDIT_RETENTION_DAYS;
  const dryRun = options.dryRun ?? false;
  const result: PruneAuditLogResult = {
    retentionDays,
    cutoff: null,
    dryRun,
    prunedEvents: 0,
    anchors: [],
    prunedDeliveries: 0,
    refused: null,
  };
  if (retentionDays <= 0) return result;
  const cutoff = retentionCutoff(options.now ?? new Date(), retentionDays);
  result.cutoff = cutoff;
  const olderDeliveries = { createdAt: { lt: cutoff } };
  if (dryRun) {
    result.prunedEvents = await countPrunable(cutoff);
    result.prunedDeliveries = await db.auditStreamDelivery.count({ where: olderDeliveries });
    return result;
  }
  const batchSize = Math.max(1, options.batchSize ?? 5000);
  const newest = await db.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } });
  if (!newest) return result;
  for (;;) {
    const plan = await pruneBatch(cutoff, retentionDays, batchSize, newest.seq);
    if (plan.kind === "refused") {
      result.refused = plan.refusal;
      break;
    }
    if (plan.kind === "done") break;
    result.prunedEvents += plan.count;
    result.anchors.push({ throughSeq: plan.throughSeq, prunedCount: plan.count });
  }
  // Delivery attempts are the streams' status history, not part of the chain: no anchor needed.
  result.prunedDeliveries = (await db.auditStreamDelivery.deleteMany({ where: olderDeliveries })).count;
  return result;
}

/** One line for people: what `npm run audit:prune` prints. */
export function describePruneResult(r: PruneAuditLogResult): string {
  if (r.cutoff === null) return "retention is off (AUDIT_RETENTION_DAYS=0): nothing pruned";
  const when = r.cutoff.toISOString();
  const verb = r.dryRun ? "would prune" : "pruned";
  const anchors = r.anchors.length
    ? `, anchored through seq ${r.anchors[r.anchors.length - 1]!.throughSeq} (${r.anchors.length} anchor${r.anchors.length === 1 ? "" : "s"})`
    : "";
  const base = `${verb} ${r.prunedEvents} event${r.prunedEvents === 1 ? "" : "s"} older than ${when} (${r.retentionDays} days)${anchors}; ${r.prunedDeliveries} stream deliver${r.prunedDeliveries === 1 ? "y" : "ies"}`;
  if (!r.refused) return base;
  const at = r.refused.seq === null ? "" : ` at seq ${r.refused.seq}${r.refused.id ? ` (id ${r.refused.id})` : ""}`;
  return `${base}; stopped${at}: ${r.refused.reason} (run npm run audit:verify)`;
}
