// Retention: deletes audit events older than AUDIT_RETENTION_DAYS from the start of the chain and
// leaves a signed AuditAnchor (the last pruned seq and hash, how many, the cutoff, an HMAC under the
// server key) so the shortened chain still verifies from the anchor. Each batch is one
// transaction holding the audit log's write lock (the same one appenders take), so the anchor, the
// deletion and the `audit.pruned` event that records it are one change, and several instances
// pruning at once take turns: each batch re-reads where the chain starts. The events a batch would
// delete are verified first: pruning never launders a tampered row out of the evidence. Pruning
// starts after the newest *genuine* anchor (a forged one is reported, not obeyed), refuses while rows
// exist at or before that start (nothing vouches for them), and never deletes an event an enabled
// SIEM stream has not delivered yet (it is held back and reported).
import "server-only";
import { randomUUID } from "node:crypto";
import { db, dbProvider, type Tx } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { auditHash, GENESIS_HASH } from "@/lib/audit/hash";
import { AUDIT_HEAD_ID, isAuthenticHead } from "@/lib/audit/head-mac";
import { auditAnchorMac, isAuthenticAnchor } from "@/lib/audit/anchor-mac";
import type { ForgedAnchor } from "@/lib/audit/verify-audit-chain";
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

/** Events old enough to prune that stay because an enabled stream has not delivered them yet. */
export type PruneHeldBack = {
  events: number;
  /** Why, for people: which streams and how far each one has delivered. */
  reason: string;
  streams: { id: string; name: string; cursorSeq: number }[];
};

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
  /** Set when pruning stopped because the events it would delete (or the head) do not verify. */
  refused: PruneRefusal | null;
  /** Retention anchors that do not carry the server's MAC: ignored (pruning went on from the newest genuine one). */
  forgedAnchors: ForgedAnchor[];
  /** Set when old events were kept because an enabled SIEM stream has not delivered them yet. */
  heldBack: PruneHeldBack | null;
};

type Reader = Pick<Tx, "auditAnchor" | "auditEvent" | "auditHead" | "auditStream">;

/** The newest anchor that carries the server's MAC, and the forged ones (newest first). */
async function readAnchors(client: Reader) {
  const anchors = await client.auditAnchor.findMany({ orderBy: { throughSeq: "desc" } });
  const genuine = anchors.find((a) => isAuthenticAnchor(a)) ?? null;
  const forged = anchors
    .filter((a) => !isAuthenticAnchor(a))
    .map((a) => ({ anchorId: a.id, throughSeq: a.throughSeq }));
  return { genuine, forged };
}

/** A refusal when rows exist at or before the chain's start: verification cannot vouch for them. */
async function strayBeforeStart(client: Reader, startSeq: number): Promise<PruneRefusal | null> {
  const stray = await client.auditEvent.findFirst({
    where: { seq: { lte: startSeq } },
    orderBy: { seq: "asc" },
    select: { id: true, seq: true },
  });
  if (!stray) return null;
  return {
    seq: stray.seq,
    id: stray.id,
    reason:
      startSeq === 0
        ? "events exist at seq 0 or below, before the chain's start: nothing vouches for them"
        : `events exist at or before seq ${startSeq}, which the newest genuine retention anchor records as pruned: nothing vouches for them`,
  };
}

/** Enabled SIEM streams, least delivered first: events after the first one's cursor must stay. */
async function enabledStreams(client: Reader) {
  return client.auditStream.findMany({
    where: { enabled: true },
    orderBy: { cursorSeq: "asc" },
    select: { id: true, name: true, cursorSeq: true },
  });
}

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
 * What the next batch may delete: the oldest events after the newest genuine anchor that are all
 * older than the cutoff and delivered by every enabled stream, at most `batchSize`, never the newest
 * event nor the head's, every one verified.
 */
async function planBatch(tx: Tx, cutoff: Date, batchSize: number, runStartSeq: number): Promise<Plan> {
  const { genuine: anchor, forged } = await readAnchors(tx);
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } });
  if (!last) return { kind: "done" };
  const head = await tx.auditHead.findUnique({ where: { id: AUDIT_HEAD_ID } });
  if (head && !isAuthenticHead(head)) {
    return {
      kind: "refused",
      refusal: { seq: head.seq, id: null, reason: "the audit head does not carry the server's MAC" },
    };
  }
  let prevSeq = anchor?.throughSeq ?? 0;
  let prevHash = anchor?.throughHash ?? GENESIS_HASH;
  const stray = await strayBeforeStart(tx, prevSeq);
  if (stray) return { kind: "refused", refusal: stray };
  const streams = await enabledStreams(tx);
  // Never the newest event nor the head's, and never what this run wrote itself: with a clock ahead
  // of the events (another instance's, or a test's), its own audit.pruned events would otherwise be
  // old enough to prune in the next batch, forever. Never what a stream has yet to deliver.
  const limitSeq = Math.min(
    last.seq - 1,
    (head?.seq ?? last.seq) - 1,
    runStartSeq - 1,
    streams[0]?.cursorSeq ?? Number.POSITIVE_INFINITY,
  );
  const fromSeq = prevSeq + 1;
  if (limitSeq < fromSeq) return { kind: "done" };
  // A forged anchor may sit on the seq this batch would end at (throughSeq is unique): the batch then
  // ends one event later, or earlier, rather than fail on it forever.
  const taken = new Set(forged.map((f) => f.throughSeq));

  // Beyond the batch: the first event kept must link to the last one pruned (and room to step past a forged seq).
  const rows = await tx.auditEvent.findMany({
    where: { seq: { gt: prevSeq } },
    orderBy: { seq: "asc" },
    take: batchSize + 1 + taken.size,
  });
  const accepted: { seq: number; hash: string }[] = [];
  for (const row of rows) {
    const refuse = (reason: string): Plan => ({ kind: "refused", refusal: { seq: row.seq, id: row.id, reason } });
    if (row.seq !== prevSeq + 1) return refuse(`events ${prevSeq + 1}–${row.seq - 1} are missing`);
    if (row.prevHash !== prevHash) return refuse("its link does not match the previous event's hash");
    const room = accepted.length < batchSize || taken.has(prevSeq);
    const prunable = room && row.seq <= limitSeq && row.createdAt < cutoff;
    // The first event kept is checked for its link only: it stays, and verification checks the rest.
    if (!prunable) break;
    if (auditHash(row) !== row.hash) return refuse("its content does not match its hash");
    prevSeq = row.seq;
    prevHash = row.hash;
    accepted.push({ seq: row.seq, hash: row.hash });
  }
  while (accepted.length > 0 && taken.has(accepted[accepted.length - 1]!.seq)) accepted.pop();
  const end = accepted[accepted.length - 1];
  if (!end) return { kind: "done" };
  return { kind: "prune", fromSeq, throughSeq: end.seq, throughHash: end.hash, count: accepted.length };
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

/**
 * The range retention may prune now, by the same rules as planBatch without the batch limit or the
 * hash checks: `fromSeq..throughSeq` (empty when through < from), and `oldThroughSeq`, where it would
 * end if no stream held events back.
 */
async function prunableRange(cutoff: Date, runStartSeq: number | null) {
  const { genuine, forged } = await readAnchors(db);
  const fromSeq = (genuine?.throughSeq ?? 0) + 1;
  const last = await db.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } });
  const streams = await enabledStreams(db);
  if (!last) return { fromSeq, throughSeq: 0, oldThroughSeq: 0, streams, forged };
  const head = await db.auditHead.findUnique({ where: { id: AUDIT_HEAD_ID }, select: { seq: true } });
  const firstKept = await db.auditEvent.findFirst({
    where: { seq: { gte: fromSeq }, createdAt: { gte: cutoff } },
    orderBy: { seq: "asc" },
    select: { seq: true },
  });
  const oldThroughSeq = Math.min(
    last.seq - 1,
    (head?.seq ?? last.seq) - 1,
    (runStartSeq ?? last.seq) - 1,
    (firstKept?.seq ?? Number.POSITIVE_INFINITY) - 1,
  );
  const throughSeq = Math.min(oldThroughSeq, streams[0]?.cursorSeq ?? Number.POSITIVE_INFINITY);
  return { fromSeq, throughSeq, oldThroughSeq, streams, forged };
}

async function countSeqs(fromSeq: number, throughSeq: number): Promise<number> {
  return throughSeq < fromSeq ? 0 : db.auditEvent.count({ where: { seq: { gte: fromSeq, lte: throughSeq } } });
}

/** How many old events stay because enabled streams have not delivered them, and which streams. */
async function heldBackByStreams(range: Awaited<ReturnType<typeof prunableRange>>): Promise<PruneHeldBack | null> {
  const heldFrom = Math.max(range.fromSeq, range.throughSeq + 1);
  const events = await countSeqs(heldFrom, range.oldThroughSeq);
  if (events === 0) return null;
  const behind = range.streams.filter((s) => s.cursorSeq < range.oldThroughSeq);
  const names = behind.map((s) => `"${s.name}" (delivered through seq ${s.cursorSeq})`).join(", ");
  const which = behind.length === 1 ? "an enabled SIEM stream has" : `${behind.length} enabled SIEM streams have`;
  return { events, reason: `${which} not delivered them yet: ${names}`, streams: behind };
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
    forgedAnchors: [],
    heldBack: null,
  };
  if (retentionDays <= 0) return result;
  const cutoff = retentionCutoff(options.now ?? new Date(), retentionDays);
  result.cutoff = cutoff;
  const olderDeliveries = { createdAt: { lt: cutoff } };
  if (dryRun) {
    const range = await prunableRange(cutoff, null);
    result.forgedAnchors = range.forged;
    result.refused = await strayBeforeStart(db, range.fromSeq - 1);
    result.prunedEvents = result.refused ? 0 : await countSeqs(range.fromSeq, range.throughSeq);
    result.heldBack = await heldBackByStreams(range);
    result.prunedDeliveries = await db.auditStreamDelivery.count({ where: olderDeliveries });
    return result;
  }
  const batchSize = Math.max(1, options.batchSize ?? 5000);
  const newest = await db.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } });
  if (newest) {
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
    const range = await prunableRange(cutoff, newest.seq);
    result.forgedAnchors = range.forged;
    if (!result.refused) result.heldBack = await heldBackByStreams(range);
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
  const parts = [base];
  if (r.heldBack) {
    parts.push(
      `kept ${r.heldBack.events} older event${r.heldBack.events === 1 ? "" : "s"} because ${r.heldBack.reason}`,
    );
  }
  if (r.forgedAnchors.length) {
    const list = r.forgedAnchors.map((f) => `${f.anchorId} (through seq ${f.throughSeq})`).join(", ");
    parts.push(
      `ignored ${r.forgedAnchors.length === 1 ? "a forged retention anchor" : `${r.forgedAnchors.length} forged retention anchors`} without the server's MAC: ${list} (run npm run audit:verify)`,
    );
  }
  if (r.refused) {
    const at = r.refused.seq === null ? "" : ` at seq ${r.refused.seq}${r.refused.id ? ` (id ${r.refused.id})` : ""}`;
    parts.push(`stopped${at}: ${r.refused.reason} (run npm run audit:verify)`);
  }
  return parts.join("; ");
}
