// Verifies the audit trail: the chain's start against the newest genuine retention anchor (pruned
// events), every row's hash and link (edits, deletions and insertions in the middle), then the
// chain's end against the keyed head (deleting or adding the newest rows). Rows are read in
// batches by seq, so a log of millions of events is checked with bounded memory.
import "server-only";
import { db } from "@/lib/db";
import { auditHash, GENESIS_HASH } from "@/lib/audit/hash";
import { AUDIT_HEAD_ID, isAuthenticHead } from "@/lib/audit/head-mac";
import { isAuthenticAnchor } from "@/lib/audit/anchor-mac";

export type ChainCheck =
  /**
   * Every row holds and the head is genuine and on the last row (an empty log has no head: headSeq 0).
   * `anchorSeq`: the chain starts after this seq, vouched for by a retention anchor (absent: from seq 1).
   */
  | { ok: true; status: "intact"; count: number; headSeq: number; anchorSeq?: number }
  /** The first row whose link or hash does not hold, or that disagrees with the head. */
  | {
      ok: false;
      status: "broken";
      count: number;
      brokenAtSeq: number;
      brokenId: string;
      reason: string;
      /**
       * "start": the first remaining row does not follow the newest genuine anchor (or seq 1 when there
       * is none): old events were deleted without pruning; "chain": a later row's link or hash; "head":
       * the links hold but the head vouches for another row.
       */
      cause: "start" | "chain" | "head";
    }
  /** The head names a later row than the chain holds: the newest rows were deleted. */
  | { ok: false; status: "truncated"; count: number; headSeq: number; chainSeq: number }
  /** The head's MAC is wrong: someone without the server key wrote it. */
  | { ok: false; status: "head_forged"; count: number; headSeq: number; chainSeq: number }
  /** A retention anchor's MAC is wrong: someone without the server key wrote or edited it. */
  | { ok: false; status: "anchor_forged"; count: number; anchorId: string; throughSeq: number }
  /** Rows that no head vouches for: no head yet (a log from before heads existed), or rows after it. */
  | { ok: false; status: "unanchored"; count: number; headSeq: number | null; chainSeq: number };

export type ChainStatus = ChainCheck["status"];

type Walk = { count: number; lastSeq: number; lastHash: string };

type Broken = Extract<ChainCheck, { status: "broken" }>;

type Start = { walk: Walk; anchorSeq: number | null; anchorsSeen: string };

/** Where the chain must start: after the newest genuine anchor, or at seq 1 from the genesis hash. */
async function chainStart(): Promise<Start | Extract<ChainCheck, { status: "anchor_forged" }>> {
  // Anchors are few (one per pruning batch): every one is checked, newest first.
  const anchors = await db.auditAnchor.findMany({ orderBy: { throughSeq: "desc" } });
  const forged = anchors.find((a) => !isAuthenticAnchor(a));
  if (forged)
    return { ok: false, status: "anchor_forged", count: 0, anchorId: forged.id, throughSeq: forged.throughSeq };
  const newest = anchors[0];
  const anchorsSeen = anchors.map((a) => a.id).join(",");
  if (!newest) return { walk: { count: 0, lastSeq: 0, lastHash: GENESIS_HASH }, anchorSeq: null, anchorsSeen };
  return {
    walk: { count: 0, lastSeq: newest.throughSeq, lastHash: newest.throughHash },
    anchorSeq: newest.throughSeq,
    anchorsSeen,
  };
}

function startGapReason(anchorSeq: number | null, firstSeq: number): string {
  return anchorSeq === null
    ? `the chain starts at seq ${firstSeq}: events 1–${firstSeq - 1} are missing and no genuine retention anchor accounts for them`
    : `the chain starts at seq ${firstSeq}, but the newest retention anchor accounts for events up to seq ${anchorSeq} only: events ${anchorSeq + 1}–${firstSeq - 1} are missing`;
}

async function walkFrom(start: Walk, anchorSeq: number | null, batchSize: number): Promise<Walk | Broken> {
  let { count, lastSeq, lastHash } = start;
  const firstSeq = start.count === 0 ? start.lastSeq : null;
  for (;;) {
    const rows = await db.auditEvent.findMany({
      where: { seq: { gt: lastSeq } },
      orderBy: { seq: "asc" },
      take: batchSize,
    });
    if (rows.length === 0) return { count, lastSeq, lastHash };
    // SQLite answers synchronously: without a turn of the event loop between batches, checking a
    // large log would hold up every other request of the process until it is done.
    await new Promise((resolve) => setImmediate(resolve));
    for (const row of rows) {
      const atStart = lastSeq === firstSeq;
      let reason: string | null = null;
      let cause: "start" | "chain" = "chain";
      if (row.seq !== lastSeq + 1) {
        reason = atStart
          ? startGapReason(anchorSeq, row.seq)
          : `seq jumps from ${lastSeq}: events ${lastSeq + 1}–${row.seq - 1} are missing`;
        if (atStart) cause = "start";
      } else if (row.prevHash !== lastHash) {
        if (atStart && anchorSeq !== null) {
          reason = `its link does not match the hash the retention anchor recorded for seq ${anchorSeq}`;
          cause = "start";
        } else reason = "its link does not match the previous event's hash";
      } else if (auditHash(row) !== row.hash) reason = "its content does not match its hash";
      if (reason) return { ok: false, status: "broken", count, brokenAtSeq: row.seq, brokenId: row.id, reason, cause };
      lastSeq = row.seq;
      lastHash = row.hash;
      count += 1;
    }
  }
}

async function verifyOnce(batchSize: number): Promise<{ check: ChainCheck; anchorsSeen: string | null }> {
  const start = await chainStart();
  if ("status" in start) return { check: start, anchorsSeen: null };
  const { anchorSeq, anchorsSeen } = start;
  let walk = start.walk;
  let head = null;
  for (let round = 0; round < 10; round++) {
    const next = await walkFrom(walk, anchorSeq, batchSize);
    if ("status" in next) return { check: next, anchorsSeen };
    const grew = next.lastSeq !== walk.lastSeq || round === 0;
    walk = next;
    head = await db.auditHead.findUnique({ where: { id: AUDIT_HEAD_ID } });
    if (!head || head.seq <= walk.lastSeq || !grew) break;
  }
  const { count, lastSeq: chainSeq } = walk;
  const done = (check: ChainCheck) => ({ check, anchorsSeen });

  if (!head) {
    return done(
      count === 0 && anchorSeq === null
        ? { ok: true, status: "intact", count, headSeq: 0 }
        : { ok: false, status: "unanchored", count, headSeq: null, chainSeq },
    );
  }
  if (!isAuthenticHead(head)) return done({ ok: false, status: "head_forged", count, headSeq: head.seq, chainSeq });
  if (head.seq > chainSeq) return done({ ok: false, status: "truncated", count, headSeq: head.seq, chainSeq });
  // A head at or before the anchor (an old genuine head put back): nothing after it is vouched for.
  if (anchorSeq !== null && head.seq <= anchorSeq) {
    return done({ ok: false, status: "unanchored", count, headSeq: head.seq, chainSeq });
  }
  // The walk proved seqs (anchor or 0)+1..chainSeq contiguous, so the row the head names exists.
  const anchored = await db.auditEvent.findUniqueOrThrow({
    where: { seq: head.seq },
    select: { id: true, hash: true },
  });
  if (anchored.hash !== head.hash) {
    return done({
      ok: false,
      status: "broken",
      count,
      brokenAtSeq: head.seq,
      brokenId: anchored.id,
      reason: "it is not the event the head vouches for: the events up to here were rewritten or replaced",
      cause: "head",
    });
  }
  if (head.seq < chainSeq) return done({ ok: false, status: "unanchored", count, headSeq: head.seq, chainSeq });
  return done({ ok: true, status: "intact", count, headSeq: head.seq, ...(anchorSeq === null ? {} : { anchorSeq }) });
}

/**
 * Walks the chain from its start in batches, then compares its end with the head. Rows appended
 * while the walk runs are walked too (each append moves the head in the row's own transaction),
 * and a pruning that removes rows under the walk is noticed by its new anchor and the check starts
 * again from it, so a live application does not make the check fail.
 */
export async function verifyAuditChain(batchSize = 2000): Promise<ChainCheck> {
  for (let attempt = 1; ; attempt++) {
    const { check, anchorsSeen } = await verifyOnce(batchSize);
    if (check.status !== "broken" || check.cause === "head" || attempt >= 3 || anchorsSeen === null) return check;
    const now = await db.auditAnchor.findMany({ orderBy: { throughSeq: "desc" }, select: { id: true } });
    if (now.map((a) => a.id).join(",") === anchorsSeen) return check;
  }
}

/** One line for people: what `npm run audit:verify` prints. */
export function describeChainCheck(check: ChainCheck): string {
  switch (check.status) {
    case "intact":
      return check.anchorSeq === undefined
        ? `intact: ${check.count} events, head seq ${check.headSeq}`
        : `intact: ${check.count} events, head seq ${check.headSeq}, events through seq ${check.anchorSeq} pruned behind a signed anchor`;
    case "broken":
      return `broken at event seq ${check.brokenAtSeq} (id ${check.brokenId}): ${check.reason}`;
    case "truncated":
      return `truncated: head says seq ${check.headSeq}, chain ends at seq ${check.chainSeq}`;
    case "head_forged":
      return `head forged: the head record (seq ${check.headSeq}) does not carry the server's MAC; chain ends at seq ${check.chainSeq}`;
    case "anchor_forged":
      return `anchor forged: the retention anchor ${check.anchorId} (through seq ${check.throughSeq}) does not carry the server's MAC`;
    case "unanchored":
      return check.headSeq === null
        ? `unanchored: ${check.count} events and no head (written before the head existed, or the head was deleted); check them, then run npm run audit:verify -- --anchor`
        : `unanchored: events ${check.headSeq + 1}–${check.chainSeq} come after the head (seq ${check.headSeq}) and nothing vouches for them`;
  }
}
