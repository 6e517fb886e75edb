// Verifies the audit trail: every row's hash and link (edits, deletions and insertions in the
// middle), then the chain's end against the keyed head (deleting or adding the newest rows).
import "server-only";
import { db } from "@/lib/db";
import { auditHash, GENESIS_HASH } from "@/lib/audit/hash";
import { AUDIT_HEAD_ID, isAuthenticHead } from "@/lib/audit/head-mac";

export type ChainCheck =
  /** Every row holds and the head is genuine and on the last row (an empty log has no head: headSeq 0). */
  | { ok: true; status: "intact"; count: number; headSeq: number }
  /** The first row whose link or hash does not hold, or that disagrees with the head. */
  | {
      ok: false;
      status: "broken";
      count: number;
      brokenAtSeq: number;
      brokenId: string;
      reason: string;
      /** "chain": a row's link or hash; "head": the links hold but the head vouches for another row. */
      cause: "chain" | "head";
    }
  /** The head names a later row than the chain holds: the newest rows were deleted. */
  | { ok: false; status: "truncated"; count: number; headSeq: number; chainSeq: number }
  /** The head's MAC is wrong: someone without the server key wrote it. */
  | { ok: false; status: "head_forged"; count: number; headSeq: number; chainSeq: number }
  /** Rows that no head vouches for: no head yet (a log from before heads existed), or rows after it. */
  | { ok: false; status: "unanchored"; count: number; headSeq: number | null; chainSeq: number };

type Walk = { count: number; lastSeq: number; lastHash: string };

type Broken = Extract<ChainCheck, { status: "broken" }>;

async function walkFrom(start: Walk, batchSize: number): Promise<Walk | Broken> {
  let { count, lastSeq, lastHash } = start;
  for (;;) {
    const rows = await db.auditEvent.findMany({
      where: { seq: { gt: lastSeq } },
      orderBy: { seq: "asc" },
      take: batchSize,
    });
    if (rows.length === 0) return { count, lastSeq, lastHash };
    for (const row of rows) {
      let reason: string | null = null;
      if (row.seq !== lastSeq + 1) {
        reason =
          lastSeq === 0
            ? `the chain starts at seq ${row.seq}: events 1–${row.seq - 1} are missing`
            : `seq jumps from ${lastSeq}: events ${lastSeq + 1}–${row.seq - 1} are missing`;
      } else if (row.prevHash !== lastHash) reason = "its link does not match the previous event's hash";
      else if (auditHash(row) !== row.hash) reason = "its content does not match its hash";
      if (reason) {
        return { ok: false, status: "broken", count, brokenAtSeq: row.seq, brokenId: row.id, reason, cause: "chain" };
      }
      lastSeq = row.seq;
      lastHash = row.hash;
      count += 1;
    }
  }
}

/**
 * Walks the whole chain in batches, then compares its end with the head. Rows appended while the
 * walk runs are walked too (each append moves the head in the row's own transaction), so a live
 * application does not make the check fail.
 */
export async function verifyAuditChain(batchSize = 1000): Promise<ChainCheck> {
  let walk: Walk = { count: 0, lastSeq: 0, lastHash: GENESIS_HASH };
  let head = null;
  for (let round = 0; round < 10; round++) {
    const next = await walkFrom(walk, batchSize);
    if ("status" in next) return next;
    const grew = next.lastSeq !== walk.lastSeq || round === 0;
    walk = next;
    head = await db.auditHead.findUnique({ where: { id: AUDIT_HEAD_ID } });
    if (!head || head.seq <= walk.lastSeq || !grew) break;
  }
  const { count, lastSeq: chainSeq } = walk;

  if (!head) {
    return count === 0
      ? { ok: true, status: "intact", count, headSeq: 0 }
      : { ok: false, status: "unanchored", count, headSeq: null, chainSeq };
  }
  if (!isAuthenticHead(head)) return { ok: false, status: "head_forged", count, headSeq: head.seq, chainSeq };
  if (head.seq > chainSeq) return { ok: false, status: "truncated", count, headSeq: head.seq, chainSeq };
  // The walk proved seqs 1..chainSeq contiguous, so the row the head names exists.
  const anchored = await db.auditEvent.findUniqueOrThrow({
    where: { seq: head.seq },
    select: { id: true, hash: true },
  });
  if (anchored.hash !== head.hash) {
    return {
      ok: false,
      status: "broken",
      count,
      brokenAtSeq: head.seq,
      brokenId: anchored.id,
      reason: "it is not the event the head vouches for: the events up to here were rewritten or replaced",
      cause: "head",
    };
  }
  if (head.seq < chainSeq) return { ok: false, status: "unanchored", count, headSeq: head.seq, chainSeq };
  return { ok: true, status: "intact", count, headSeq: head.seq };
}

/** One line for people: what `npm run audit:verify` prints. */
export function describeChainCheck(check: ChainCheck): string {
  switch (check.status) {
    case "intact":
      return `intact: ${check.count} events, head seq ${check.headSeq}`;
    case "broken":
      return `broken at event seq ${check.brokenAtSeq} (id ${check.brokenId}): ${check.reason}`;
    case "truncated":
      return `truncated: head says seq ${check.headSeq}, chain ends at seq ${check.chainSeq}`;
    case "head_forged":
      return `head forged: the head record (seq ${check.headSeq}) does not carry the server's MAC; chain ends at seq ${check.chainSeq}`;
    case "unanchored":
      return check.headSeq === null
        ? `unanchored: ${check.count} events and no head (written before the head existed, or the head was deleted); check them, then run npm run audit:verify -- --anchor`
        : `unanchored: events ${check.headSeq + 1}–${check.chainSeq} come after the head (seq ${check.headSeq}) and nothing vouches for them`;
  }
}
