// Verifies the audit trail: the chain's start against the newest genuine retention anchor (pruned
// events), every row's hash and link (edits, deletions and insertions in the middle), then the
// chain's end against the keyed head (deleting or adding the newest rows). Rows are read in
// batches by seq, so a log of millions of events is checked with bounded memory. Rows at or before
// the chain's start (seq <= 0, or behind the newest genuine anchor) are vouched for by nothing, yet
// the log shows them: they are reported. A forged anchor is ignored for choosing the start and
// reported beside what the walk found, never instead of it.
import "server-only";
import { db } from "@/lib/db";
import { AUDIT_FAILURE_ACTIONS } from "@/lib/audit/actions";
import { auditHash, GENESIS_HASH } from "@/lib/audit/hash";
import { AUDIT_HEAD_ID, isAuthenticHead } from "@/lib/audit/head-mac";
import { isAuthenticAnchor } from "@/lib/audit/anchor-mac";

/** A retention anchor whose MAC does not hold: written or edited without the server key. */
export type ForgedAnchor = { anchorId: string; throughSeq: number };

/** Present on a failed check when forged anchors were found besides what the walk found. */
type WithForged = { forgedAnchors?: ForgedAnchor[] };

export type ChainCheck =
  /**
   * Every row holds and the head is genuine and on the last row (an empty log has no head: headSeq 0).
   * `anchorSeq`: the chain starts after this seq, vouched for by a retention anchor (absent: from seq 1).
   */
  | { ok: true; status: "intact"; count: number; headSeq: number; anchorSeq?: number }
  /** The first row whose link or hash does not hold, or that disagrees with the head. */
  | (WithForged & {
      ok: false;
      status: "broken";
      count: number;
      brokenAtSeq: number;
      brokenId: string;
      reason: string;
      /**
       * "start": the first remaining row does not follow the newest genuine anchor (or seq 1 when there
       * is none): old events were deleted without pruning; or rows exist at or before that start
       * (seq <= 0, or behind the anchor), which nothing vouches for. "chain": a later row's link,
       * hash or (original-form rows) a column its hash does not cover; "head": the links hold but
       * the head vouches for another row.
       */
      cause: "start" | "chain" | "head";
    })
  /** The head names a later row than the chain holds: the newest rows were deleted. */
  | (WithForged & { ok: false; status: "truncated"; count: number; headSeq: number; chainSeq: number })
  /** The head's MAC is wrong: someone without the server key wrote it. */
  | (WithForged & { ok: false; status: "head_forged"; count: number; headSeq: number; chainSeq: number })
  /**
   * The chain verifies from the newest genuine anchor to the head, but retention anchors do not
   * carry the server's MAC (someone without the key wrote or edited them). `anchorId`/`throughSeq`
   * name the newest forged one; `forgedAnchors` lists them all, newest first.
   */
  | {
      ok: false;
      status: "anchor_forged";
      count: number;
      headSeq: number;
      anchorSeq?: number;
      anchorId: string;
      throughSeq: number;
      forgedAnchors: ForgedAnchor[];
    }
  /** Rows that no head vouches for: no head yet (a log from before heads existed), or rows after it. */
  | (WithForged & { ok: false; status: "unanchored"; count: number; headSeq: number | null; chainSeq: number });

export type ChainStatus = ChainCheck["status"];

/** `seenV2`: a row in the current form was walked (no original-form row may follow one). */
type Walk = { count: number; lastSeq: number; lastHash: string; seenV2: boolean };

type Broken = Extract<ChainCheck, { status: "broken" }>;

type Start = { walk: Walk; anchorSeq: number | null; anchorsSeen: string; forged: ForgedAnchor[] };

/**
 * Where the chain must start: after the newest *genuine* anchor, or at seq 1 from the genesis hash.
 * Forged anchors are set aside (and reported): one junk row must not hide the chain's real state.
 */
async function chainStart(): Promise<Start> {
  // Anchors are few (one per pruning batch): every one is checked, newest first.
  const anchors = await db.auditAnchor.findMany({ orderBy: { throughSeq: "desc" } });
  const forged = anchors
    .filter((a) => !isAuthenticAnchor(a))
    .map((a) => ({ anchorId: a.id, throughSeq: a.throughSeq }));
  const newest = anchors.find((a) => isAuthenticAnchor(a));
  const anchorsSeen = anchors.map((a) => a.id).join(",");
  if (!newest) {
    return {
      walk: { count: 0, lastSeq: 0, lastHash: GENESIS_HASH, seenV2: false },
      anchorSeq: null,
      anchorsSeen,
      forged,
    };
  }
  return {
    walk: { count: 0, lastSeq: newest.throughSeq, lastHash: newest.throughHash, seenV2: false },
    anchorSeq: newest.throughSeq,
    anchorsSeen,
    forged,
  };
}

/** Rows at or before the chain's start: the walk reads only `seq > start`, the log shows every row. */
async function rowsBeforeStart(anchorSeq: number | null): Promise<Broken | null> {
  const startSeq = anchorSeq ?? 0;
  const where = { seq: { lte: startSeq } };
  const first = await db.auditEvent.findFirst({ where, orderBy: { seq: "asc" }, select: { id: true, seq: true } });
  if (!first) return null;
  const n = await db.auditEvent.count({ where });
  const events = n === 1 ? "1 event lies" : `${n} events lie`;
  const reason =
    anchorSeq === null
      ? `${events} at seq 0 or below, before the chain's start at seq 1: nothing vouches for ${n === 1 ? "it" : "them"}`
      : `${events} at or before seq ${anchorSeq}, which the newest genuine retention anchor records as pruned: nothing vouches for ${n === 1 ? "it" : "them"}`;
  return { ok: false, status: "broken", count: 0, brokenAtSeq: first.seq, brokenId: first.id, reason, cause: "start" };
}

function startGapReason(anchorSeq: number | null, firstSeq: number): string {
  return anchorSeq === null
    ? `the chain starts at seq ${firstSeq}: events 1–${firstSeq - 1} are missing and no genuine retention anchor accounts for them`
    : `the chain starts at seq ${firstSeq}, but the newest retention anchor accounts for events up to seq ${anchorSeq} only: events ${anchorSeq + 1}–${firstSeq - 1} are missing`;
}

type OriginalFormRow = {
  actorId: string | null;
  action: string;
  actorType: string;
  actorName: string | null;
  targetName: string | null;
  outcome: string;
  reason: string | null;
  requestId: string | null;
};

/**
 * An original-form (hashVersion 1) row's hash covers none of the columns added later, so they must
 * hold what the upgrade derived for them: anything else was written behind the application's back.
 * Returns the first column that does not, or null.
 */
export function originalFormDrift(row: OriginalFormRow): string | null {
  if (row.actorName !== null) return "actorName";
  if (row.targetName !== null) return "targetName";
  if (row.reason !== null) return "reason";
  if (row.requestId !== null) return "requestId";
  if (row.actorType !== (row.actorId ? "user" : "system")) return "actorType";
  const failure = (AUDIT_FAILURE_ACTIONS as ReadonlySet<string>).has(row.action);
  if (row.outcome !== (failure ? "failure" : "success")) return "outcome";
  return null;
}

async function walkFrom(start: Walk, anchorSeq: number | null, batchSize: number): Promise<Walk | Broken> {
  let { count, lastSeq, lastHash, seenV2 } = start;
  const firstSeq = start.count === 0 ? start.lastSeq : null;
  for (;;) {
    const rows = await db.auditEvent.findMany({
      where: { seq: { gt: lastSeq } },
      orderBy: { seq: "asc" },
      take: batchSize,
    });
    if (rows.length === 0) return { count, lastSeq, lastHash, seenV2 };
    // SQLite answers synchronously: without a turn of the event loop between batches, checking a
    // large log would hold up every other request of the process until it is done.
    await new Promise((resolve) => setImmediate(resolve));
    for (const row of rows) {
      const atStart = lastSeq === firstSeq;
      let reason: string | null = null;
      let cause: "start" | "chain" = "chain";
      const originalForm = row.hashVersion === 1;
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
      else if (originalForm && seenV2) {
        reason =
          "a field the original hash does not cover was changed (hashVersion: an original-form event after a newer one)";
      } else if (originalForm) {
        const drift = originalFormDrift(row);
        if (drift) reason = `a field the original hash does not cover was changed (${drift})`;
      }
      if (reason) return { ok: false, status: "broken", count, brokenAtSeq: row.seq, brokenId: row.id, reason, cause };
      lastSeq = row.seq;
      lastHash = row.hash;
      if (!originalForm) seenV2 = true;
      count += 1;
    }
  }
}

/** The walk's result, with forged anchors added: an otherwise intact chain becomes "anchor_forged". */
function withForged(check: ChainCheck, forged: ForgedAnchor[]): ChainCheck {
  const newest = forged[0];
  if (!newest) return check;
  if (check.status === "intact") {
    const { ok: _ok, status: _status, ...rest } = check;
    return {
      ...rest,
      ok: false,
      status: "anchor_forged",
      anchorId: newest.anchorId,
      throughSeq: newest.throughSeq,
      forgedAnchors: forged,
    };
  }
  if (check.status === "anchor_forged") return check;
  return { ...check, forgedAnchors: forged };
}

async function verifyOnce(batchSize: number): Promise<{ check: ChainCheck; anchorsSeen: string }> {
  const start = await chainStart();
  const { anchorSeq, anchorsSeen, forged } = start;
  const done = (check: ChainCheck) => ({ check: withForged(check, forged), anchorsSeen });
  const before = await rowsBeforeStart(anchorSeq);
  if (before) return done(before);
  let walk = start.walk;
  let head = null;
  for (let round = 0; round < 10; round++) {
    const next = await walkFrom(walk, anchorSeq, batchSize);
    if ("status" in next) return done(next);
    const grew = next.lastSeq !== walk.lastSeq || round === 0;
    walk = next;
    head = await db.auditHead.findUnique({ where: { id: AUDIT_HEAD_ID } });
    if (!head || head.seq <= walk.lastSeq || !grew) break;
  }
  const { count, lastSeq: chainSeq } = walk;

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
    if (check.status !== "broken" || check.cause === "head" || attempt >= 3) return check;
    const now = await db.auditAnchor.findMany({ orderBy: { throughSeq: "desc" }, select: { id: true } });
    if (now.map((a) => a.id).join(",") === anchorsSeen) return check;
  }
}

function describeForged(forged: readonly ForgedAnchor[]): string {
  const list = forged.map((f) => `${f.anchorId} (through seq ${f.throughSeq})`).join(", ");
  return forged.length === 1
    ? `the retention anchor ${list} does not carry the server's MAC`
    : `${forged.length} retention anchors do not carry the server's MAC: ${list}`;
}

function describeWalk(check: ChainCheck): string {
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
    case "anchor_forged": {
      const chain =
        check.anchorSeq === undefined
          ? `the chain itself verifies: ${check.count} events, head seq ${check.headSeq}`
          : `the chain itself verifies from the newest genuine anchor (seq ${check.anchorSeq}): ${check.count} events, head seq ${check.headSeq}`;
      return `anchor forged: ${describeForged(check.forgedAnchors)}; ${chain}`;
    }
    case "unanchored":
      return check.headSeq === null
        ? `unanchored: ${check.count} events and no head (written before the head existed, or the head was deleted); check them, then run npm run audit:verify -- --anchor`
        : `unanchored: events ${check.headSeq + 1}–${check.chainSeq} come after the head (seq ${check.headSeq}) and nothing vouches for them`;
  }
}

/** One line for people: what `npm run audit:verify` prints. */
export function describeChainCheck(check: ChainCheck): string {
  const line = describeWalk(check);
  if (check.status === "intact" || check.status === "anchor_forged" || !check.forgedAnchors?.length) return line;
  return `${line}; also: ${describeForged(check.forgedAnchors)}`;
}
