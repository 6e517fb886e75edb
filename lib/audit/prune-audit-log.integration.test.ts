// Retention on a real database (SQLite and PostgreSQL): pruning keeps the chain verifying behind a
// signed anchor, is idempotent and safe when run twice at once, refuses to launder tampered rows,
// and verification reports old rows deleted by hand and forged anchors. Also the review findings:
// rows at or before the chain's start stop it (F11), a forged anchor is reported and pruning goes on
// from the newest genuine one (F12), events a stream has not delivered are kept, and the CLI has a
// 30-day floor (F13). The database is shared by the run and other files expect a chain from seq 1:
// after each test every event it pruned or deleted is put back by value and the anchors it made are
// removed; streams other files left enabled are paused for the test (they would hold events back).
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { auditAnchorMac, isAuthenticAnchor } from "@/lib/audit/anchor-mac";
import { pruneAuditLog } from "@/lib/audit/prune-audit-log";
import { runAuditPrune } from "@/lib/audit/run-audit-prune";
import { runAuditVerify } from "@/lib/audit/run-audit-verify";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { handWrittenAuditRow } from "@/test/audit-rows";

const DAY = 24 * 60 * 60 * 1000;

async function write(n: number, note = "prune-test") {
  for (let i = 0; i < n; i++) await audit({ action: "auth.signed_out", metadata: { note, i } });
}

/** A moment after every event so far and before every later one; `nowFor(t)` makes it the 1-day cutoff. */
async function boundary(): Promise<Date> {
  await sleep(5);
  const t = new Date();
  await sleep(5);
  return t;
}
const nowFor = (cutoff: Date) => new Date(cutoff.getTime() + DAY);

/**
 * Prunes what other files left in the shared log, in one batch, so that a test pruning in small
 * batches walks only its own events (a few thousand left by earlier files would otherwise take a
 * PostgreSQL transaction per two or three of them). afterEach puts them back.
 */
async function pruneEarlierFiles() {
  const cutoff = await boundary();
  await prune({ now: nowFor(cutoff), retentionDays: 1 });
}

async function firstEvent() {
  return db.auditEvent.findFirstOrThrow({ orderBy: { seq: "asc" } });
}
async function newestEvent() {
  return db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
}
async function newestAnchor() {
  return db.auditAnchor.findFirstOrThrow({ orderBy: { throughSeq: "desc" } });
}

type EventRow = Awaited<ReturnType<typeof firstEvent>>;
const savedEvents = new Map<string, EventRow>();
let savedAnchorIds = new Set<string>();
let pausedStreamIds: string[] = [];

/** Keeps every event as it is now, for afterEach to put back what a pruning removes. */
async function saveEvents() {
  for (const row of await db.auditEvent.findMany()) savedEvents.set(row.id, row);
}

async function prune(options: Parameters<typeof pruneAuditLog>[0]) {
  await saveEvents();
  return pruneAuditLog(options);
}

async function pruneCli(args: string[], now?: Date) {
  await saveEvents();
  return runAuditPrune(args, now);
}

beforeEach(async () => {
  savedEvents.clear();
  savedAnchorIds = new Set((await db.auditAnchor.findMany({ select: { id: true } })).map((a) => a.id));
  pausedStreamIds = (await db.auditStream.findMany({ where: { enabled: true }, select: { id: true } })).map(
    (s) => s.id,
  );
  await db.auditStream.updateMany({ where: { id: { in: pausedStreamIds } }, data: { enabled: false } });
});

afterEach(async () => {
  await db.auditStream.updateMany({ where: { id: { in: pausedStreamIds } }, data: { enabled: true } });
  await db.auditAnchor.deleteMany({ where: { id: { notIn: [...savedAnchorIds] } } });
  const present = new Set((await db.auditEvent.findMany({ select: { id: true } })).map((r) => r.id));
  const missing = [...savedEvents.values()].filter((r) => !present.has(r.id));
  for (let i = 0; i < missing.length; i += 500) await db.auditEvent.createMany({ data: missing.slice(i, i + 500) });
  expect(await verifyAuditChain()).toMatchObject({ ok: true, status: "intact" });
});

/** Prunes every event written so far (a few newer ones are written to stay). */
async function pruneAllSoFar() {
  await write(2);
  const cutoff = await boundary();
  await write(2, "kept");
  await prune({ now: nowFor(cutoff), retentionDays: 1 });
  return newestAnchor();
}

describe("pruneAuditLog", () => {
  it("deletes the events older than the window behind a signed anchor, records audit.pruned, and the chain still verifies", async () => {
    await write(3);
    const cutoff = await boundary();
    const lastOld = await newestEvent();
    await write(2, "kept");
    const firstKept = await db.auditEvent.findFirstOrThrow({ where: { seq: lastOld.seq + 1 } });
    const before = await db.auditEvent.count({ where: { seq: { lte: lastOld.seq } } });

    const result = await prune({ now: nowFor(cutoff), retentionDays: 1 });

    expect(result).toMatchObject({ retentionDays: 1, cutoff, dryRun: false, prunedEvents: before, refused: null });
    expect(await db.auditEvent.count({ where: { seq: { lte: lastOld.seq } } })).toBe(0);
    expect((await firstEvent()).id).toBe(firstKept.id);
    const anchor = await newestAnchor();
    expect(anchor).toMatchObject({ throughSeq: lastOld.seq, throughHash: lastOld.hash, cutoff });
    expect(isAuthenticAnchor(anchor)).toBe(true);
    expect(firstKept.prevHash).toBe(anchor.throughHash);
    expect(result.anchors.at(-1)).toEqual({ throughSeq: lastOld.seq, prunedCount: anchor.prunedCount });

    const event = await newestEvent();
    expect(event).toMatchObject({ action: "audit.pruned", targetType: "audit_anchor", targetId: anchor.id });
    expect(JSON.parse(event.metadata)).toMatchObject({
      throughSeq: lastOld.seq,
      prunedCount: anchor.prunedCount,
      cutoff: cutoff.toISOString(),
      retentionDays: 1,
    });
    expect(await verifyAuditChain()).toMatchObject({ ok: true, status: "intact", anchorSeq: lastOld.seq });
    const verify = await runAuditVerify([]);
    expect(verify.exitCode).toBe(0);
    expect(verify.lines[0]).toContain(`events through seq ${lastOld.seq} pruned behind a signed anchor`);
  });

  it("is idempotent: a second run with the same clock prunes nothing and writes no anchor or event", async () => {
    await write(2);
    const cutoff = await boundary();
    await write(1, "kept");
    await prune({ now: nowFor(cutoff), retentionDays: 1 });
    const anchors = await db.auditAnchor.count();
    const events = await db.auditEvent.count();
    expect(await prune({ now: nowFor(cutoff), retentionDays: 1 })).toMatchObject({
      prunedEvents: 0,
      anchors: [],
      refused: null,
    });
    expect(await db.auditAnchor.count()).toBe(anchors);
    expect(await db.auditEvent.count()).toBe(events);
  });

  it("prunes in batches, one anchor per batch, contiguous", async () => {
    await pruneEarlierFiles();
    await write(7);
    const cutoff = await boundary();
    const lastOld = await newestEvent();
    await write(1, "kept");
    const fromSeq = (await firstEvent()).seq;
    const result = await prune({ now: nowFor(cutoff), retentionDays: 1, batchSize: 3 });
    expect(result.prunedEvents).toBe(lastOld.seq - fromSeq + 1);
    expect(result.anchors.length).toBe(Math.ceil(result.prunedEvents / 3));
    expect(result.anchors.every((a) => a.prunedCount <= 3)).toBe(true);
    // Each batch's audit.pruned event is itself newer than the cutoff, so it stays.
    expect(result.anchors.at(-1)?.throughSeq).toBe(lastOld.seq);
    expect(await verifyAuditChain(2)).toMatchObject({ ok: true, status: "intact", anchorSeq: lastOld.seq });
  });

  it("two prunings at once take turns: every old event is pruned once and the chain verifies", async () => {
    await pruneEarlierFiles();
    await write(6);
    const cutoff = await boundary();
    const lastOld = await newestEvent();
    await write(1, "kept");
    const expected = lastOld.seq - (await firstEvent()).seq + 1;
    await saveEvents();
    const runs = await Promise.all([
      pruneAuditLog({ now: nowFor(cutoff), retentionDays: 1, batchSize: 2 }),
      pruneAuditLog({ now: nowFor(cutoff), retentionDays: 1, batchSize: 2 }),
    ]);
    expect(runs[0]!.prunedEvents + runs[1]!.prunedEvents).toBe(expected);
    expect(runs.every((r) => r.refused === null)).toBe(true);
    const seqs = runs.flatMap((r) => r.anchors.map((a) => a.throughSeq));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(await db.auditEvent.count({ where: { seq: { lte: lastOld.seq } } })).toBe(0);
    expect(await verifyAuditChain()).toMatchObject({ ok: true, status: "intact", anchorSeq: lastOld.seq });
  });

  it("never prunes the newest event (the head's), nor the audit.pruned events it writes, even with a clock far ahead", async () => {
    await pruneEarlierFiles();
    await write(2);
    const newest = await newestEvent();
    const cutoff = await boundary();
    // Every event so far, and every audit.pruned event this run writes, is older than this cutoff.
    const result = await prune({ now: nowFor(new Date(cutoff.getTime() + 3_600_000)), retentionDays: 1, batchSize: 2 });
    expect(result.anchors.at(-1)?.throughSeq).toBe(newest.seq - 1);
    expect((await firstEvent()).id).toBe(newest.id);
    const again = await prune({ now: nowFor(new Date(cutoff.getTime() + 3_600_000)), retentionDays: 1 });
    // The next run may take what the previous one left (the old newest and its audit.pruned events), never its own.
    expect(again.anchors.at(-1)?.throughSeq).toBeLessThan((await newestEvent()).seq);
    expect(await verifyAuditChain()).toMatchObject({ ok: true, status: "intact" });
  });

  it("keeps everything with retention 0, and a dry run counts without deleting", async () => {
    await write(2);
    const cutoff = await boundary();
    await write(1, "kept");
    const events = await db.auditEvent.count();
    expect(await prune({ now: nowFor(cutoff), retentionDays: 0 })).toMatchObject({
      cutoff: null,
      prunedEvents: 0,
    });
    const dry = await prune({ now: nowFor(cutoff), retentionDays: 1, dryRun: true });
    expect(dry.prunedEvents).toBe(events - 1);
    expect(await db.auditEvent.count()).toBe(events);
    const line = (await pruneCli(["--days", "1", "--force", "--dry-run"], nowFor(cutoff))).lines[0];
    expect(line).toBe(
      `would prune ${events - 1} events older than ${cutoff.toISOString()} (1 days); 0 stream deliveries`,
    );
    expect(await db.auditEvent.count()).toBe(events);
    expect(await pruneCli(["--days"])).toMatchObject({ exitCode: 2 });
    expect(await pruneCli(["--days", "-1"])).toMatchObject({ exitCode: 2 });
    expect(await pruneCli(["--forced"])).toMatchObject({ exitCode: 2 });
  });

  it("also deletes stream delivery attempts older than the window", async () => {
    const stream = await db.auditStream.create({
      data: {
        name: "Prune test",
        url: "https://siem.example.com/hook",
        secretCipher: "x",
        secretHint: "abcd",
        cursorSeq: 0,
      },
    });
    const old = new Date(Date.now() - 3 * DAY);
    const base = { streamId: stream.id, eventSeq: 1, eventId: "e", attempt: 1, result: "delivered", durationMs: 5 };
    await db.auditStreamDelivery.create({ data: { ...base, createdAt: old } });
    const recent = await db.auditStreamDelivery.create({ data: base });
    try {
      const result = await prune({ retentionDays: 2 });
      expect(result.prunedDeliveries).toBe(1);
      expect(await db.auditStreamDelivery.findMany({ where: { streamId: stream.id }, select: { id: true } })).toEqual([
        { id: recent.id },
      ]);
    } finally {
      await db.auditStream.delete({ where: { id: stream.id } });
    }
  });

  it("refuses to prune past an old event whose content was edited, and deletes nothing", async () => {
    await write(3);
    const cutoff = await boundary();
    await write(1, "kept");
    const victim = await db.auditEvent.findFirstOrThrow({ orderBy: { seq: "asc" }, skip: 1 });
    const anchors = await db.auditAnchor.count();
    await db.auditEvent.update({ where: { id: victim.id }, data: { metadata: '{"note":"rewritten"}' } });
    try {
      const result = await prune({ now: nowFor(cutoff), retentionDays: 1 });
      // The batch holding the tampered event is refused whole: the evidence and its neighbours stay.
      expect(result).toMatchObject({ prunedEvents: 0, anchors: [] });
      expect(result.refused).toEqual({ seq: victim.seq, id: victim.id, reason: "its content does not match its hash" });
      expect(await db.auditEvent.findUnique({ where: { id: victim.id } })).not.toBeNull();
      expect(await db.auditAnchor.count()).toBe(anchors);
      const cli = await pruneCli(["--days", "1", "--force"], nowFor(cutoff));
      expect(cli.exitCode).toBe(1);
      expect(cli.lines[0]).toContain(
        `stopped at seq ${victim.seq} (id ${victim.id}): its content does not match its hash`,
      );
    } finally {
      await db.auditEvent.update({ where: { id: victim.id }, data: { metadata: victim.metadata } });
    }
    expect(await verifyAuditChain()).toMatchObject({ ok: true, status: "intact" });
  });
});

describe("verifyAuditChain after pruning", () => {
  /** Deletes the oldest `n` remaining events by hand for the duration of `check`, then puts them back. */
  async function withOldestDeleted(n: number, check: (deleted: EventRow[]) => Promise<void>) {
    const rows = await db.auditEvent.findMany({ orderBy: { seq: "asc" }, take: n });
    await db.auditEvent.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
    try {
      await check(rows);
    } finally {
      for (const row of rows) await db.auditEvent.create({ data: row });
    }
    expect(await verifyAuditChain()).toMatchObject({ ok: true, status: "intact" });
  }

  it("reports old events deleted by hand after the anchor as broken at the start, naming the first remaining event", async () => {
    const anchor = await pruneAllSoFar();
    await withOldestDeleted(2, async (deleted) => {
      const first = await firstEvent();
      const check = await verifyAuditChain();
      expect(check).toMatchObject({
        ok: false,
        status: "broken",
        cause: "start",
        brokenAtSeq: first.seq,
        brokenId: first.id,
      });
      expect(check.status === "broken" && check.reason).toBe(
        `the chain starts at seq ${first.seq}, but the newest retention anchor accounts for events up to seq ${anchor.throughSeq} only: events ${deleted[0]!.seq}–${deleted[1]!.seq} are missing`,
      );
      const cli = await runAuditVerify(["--anchor"]);
      expect(cli.exitCode).toBe(1);
      expect(cli.lines).toEqual([
        `broken at event seq ${first.seq} (id ${first.id}): ${check.status === "broken" ? check.reason : ""}`,
        "not anchored: a broken link cannot be repaired by moving the head",
      ]);
    });
  });

  it("reports a start that no genuine anchor accounts for when the anchors are deleted too", async () => {
    await pruneAllSoFar();
    const anchors = await db.auditAnchor.findMany();
    await db.auditAnchor.deleteMany({});
    try {
      const first = await firstEvent();
      expect(await verifyAuditChain()).toMatchObject({
        ok: false,
        status: "broken",
        cause: "start",
        brokenId: first.id,
        reason: `the chain starts at seq ${first.seq}: events 1–${first.seq - 1} are missing and no genuine retention anchor accounts for them`,
      });
    } finally {
      for (const a of anchors) await db.auditAnchor.create({ data: a });
    }
    expect(await verifyAuditChain()).toMatchObject({ ok: true, status: "intact" });
  });

  it("reports an anchor written without the server key (old rows deleted behind a forged anchor)", async () => {
    const anchorsBefore = await db.auditAnchor.count();
    await withOldestDeleted(2, async (deleted) => {
      const last = deleted[1]!;
      const fields = {
        id: `forged-${last.id}`,
        throughSeq: last.seq,
        throughHash: last.hash,
        prunedCount: 2,
        cutoff: new Date(),
        createdAt: new Date(),
      };
      const forged = await db.auditAnchor.create({ data: { ...fields, mac: "f".repeat(64) } });
      try {
        // The forged anchor does not make the deletion look accounted for: the walk starts from the
        // newest genuine anchor (none) and names the gap, and the forgery is reported beside it.
        const first = await firstEvent();
        const check = await verifyAuditChain();
        expect(check).toMatchObject({
          ok: false,
          status: "broken",
          cause: "start",
          brokenAtSeq: first.seq,
          forgedAnchors: [{ anchorId: forged.id, throughSeq: last.seq }],
        });
        expect((await runAuditVerify([])).lines[0]).toBe(
          `broken at event seq ${first.seq} (id ${first.id}): the chain starts at seq ${first.seq}: events 1–${first.seq - 1} are missing and no genuine retention anchor accounts for them; also: the retention anchor ${forged.id} (through seq ${last.seq}) does not carry the server's MAC`,
        );
        expect((await runAuditVerify(["--anchor"])).lines[1]).toBe(
          "not anchored: a broken link cannot be repaired by moving the head",
        );
        // Pruning does not build on the forgery: it starts from seq 1 and stops at the gap.
        const result = await prune({ now: new Date(Date.now() + 400 * DAY), retentionDays: 1 });
        expect(result.forgedAnchors).toEqual([{ anchorId: forged.id, throughSeq: last.seq }]);
        expect(result.refused).toMatchObject({ seq: first.seq, reason: `events 1–${first.seq - 1} are missing` });
      } finally {
        await db.auditAnchor.delete({ where: { id: forged.id } });
      }
      // A genuine MAC over the same fields is accepted: the check is the MAC, not the row's presence.
      expect(isAuthenticAnchor({ ...fields, mac: auditAnchorMac(fields) })).toBe(true);
    });
    expect(await db.auditAnchor.count()).toBe(anchorsBefore);
  });

  it("reports a genuine anchor whose recorded count was edited as forged", async () => {
    const anchor = await pruneAllSoFar();
    await db.auditAnchor.update({ where: { id: anchor.id }, data: { prunedCount: anchor.prunedCount + 1 } });
    try {
      // No genuine anchor is left, so the pruned start is reported as a gap, beside the forgery.
      expect(await verifyAuditChain()).toMatchObject({
        status: "broken",
        cause: "start",
        forgedAnchors: [{ anchorId: anchor.id, throughSeq: anchor.throughSeq }],
      });
    } finally {
      await db.auditAnchor.update({ where: { id: anchor.id }, data: { prunedCount: anchor.prunedCount } });
    }
    expect(await verifyAuditChain()).toMatchObject({ ok: true, status: "intact" });
  });

  it("names an event whose v2 field (target name) was edited, and reports the newest events deleted as truncated", async () => {
    await audit({ action: "customer.deleted", targetType: "customer", targetId: "c-1", targetName: "Acme Ltd" });
    const edited = await newestEvent();
    await write(3, "tail");
    await db.auditEvent.update({ where: { id: edited.id }, data: { targetName: "Someone else" } });
    try {
      expect(await runAuditVerify([])).toEqual({
        exitCode: 1,
        lines: [`broken at event seq ${edited.seq} (id ${edited.id}): its content does not match its hash`],
      });
    } finally {
      await db.auditEvent.update({ where: { id: edited.id }, data: { targetName: "Acme Ltd" } });
    }

    const tail = await db.auditEvent.findMany({ orderBy: { seq: "desc" }, take: 3 });
    await db.auditEvent.deleteMany({ where: { id: { in: tail.map((r) => r.id) } } });
    try {
      expect(await runAuditVerify([])).toEqual({
        exitCode: 1,
        lines: [`truncated: head says seq ${tail[0]!.seq}, chain ends at seq ${tail[2]!.seq - 1}`],
      });
    } finally {
      for (const row of tail.reverse()) await db.auditEvent.create({ data: row });
    }
    expect(await verifyAuditChain()).toMatchObject({ ok: true, status: "intact" });
  });

  it("reads the chain in batches of the given size, never the whole log at once", async () => {
    await write(5);
    const { recordQueries } = await import("@/test/query-log");
    const total = await db.auditEvent.count();
    const { result, queries } = await recordQueries(() => verifyAuditChain(4));
    expect(result).toMatchObject({ ok: true, count: total });
    const batches = queries.filter((q) => /AuditEvent/.test(q) && /LIMIT/i.test(q));
    expect(batches.length).toBeGreaterThanOrEqual(Math.ceil(total / 4));
  });
});

describe("review findings (F11, F12, F13)", () => {
  /** A forged anchor row: what someone with database write access but without the key can make. */
  async function forgeAnchor(throughSeq: number, throughHash = "f".repeat(64)) {
    const fields = {
      id: `forged-${throughSeq}-${Date.now()}`,
      throughSeq,
      throughHash,
      prunedCount: 1,
      cutoff: new Date(),
      createdAt: new Date(),
    };
    return db.auditAnchor.create({ data: { ...fields, mac: "0".repeat(64) } });
  }

  it("F11: an event fabricated at seq 0 stops pruning, deleting nothing, and verification names it", async () => {
    await write(2);
    const cutoff = await boundary();
    await write(1, "kept");
    const fabricated = await db.auditEvent.create({ data: handWrittenAuditRow(0) });
    try {
      const events = await db.auditEvent.count();
      const result = await prune({ now: nowFor(cutoff), retentionDays: 1 });
      expect(result).toMatchObject({ prunedEvents: 0, anchors: [] });
      expect(result.refused).toEqual({
        seq: 0,
        id: fabricated.id,
        reason: "events exist at seq 0 or below, before the chain's start: nothing vouches for them",
      });
      expect(await db.auditEvent.count()).toBe(events);
      const dry = await prune({ now: nowFor(cutoff), retentionDays: 1, dryRun: true });
      expect(dry).toMatchObject({ prunedEvents: 0, refused: { seq: 0, id: fabricated.id } });
      expect(await verifyAuditChain()).toMatchObject({
        status: "broken",
        cause: "start",
        brokenAtSeq: 0,
        brokenId: fabricated.id,
      });
    } finally {
      savedEvents.delete(fabricated.id);
      await db.auditEvent.delete({ where: { id: fabricated.id } });
    }
  });

  it("F11: an event put back behind a genuine anchor is reported by verification and stops the next pruning", async () => {
    const anchor = await pruneAllSoFar();
    // A fabricated event in the pruned range (e.g. to frame someone at the old end of the log).
    const fabricated = await db.auditEvent.create({ data: handWrittenAuditRow(anchor.throughSeq) });
    try {
      const check = await verifyAuditChain();
      expect(check).toMatchObject({
        ok: false,
        status: "broken",
        cause: "start",
        brokenAtSeq: anchor.throughSeq,
        brokenId: fabricated.id,
      });
      expect(check.status === "broken" && check.reason).toBe(
        `1 event lies at or before seq ${anchor.throughSeq}, which the newest genuine retention anchor records as pruned: nothing vouches for it`,
      );
      await write(1);
      const cutoff = await boundary();
      const result = await prune({ now: nowFor(cutoff), retentionDays: 1 });
      expect(result.prunedEvents).toBe(0);
      expect(result.refused).toMatchObject({ seq: anchor.throughSeq, id: fabricated.id });
      const cli = await pruneCli(["--days", "1", "--force"], nowFor(cutoff));
      expect(cli.exitCode).toBe(1);
      expect(cli.lines[0]).toContain(
        `stopped at seq ${anchor.throughSeq} (id ${fabricated.id}): events exist at or before seq ${anchor.throughSeq}`,
      );
    } finally {
      savedEvents.delete(fabricated.id);
      await db.auditEvent.delete({ where: { id: fabricated.id } });
    }
  });

  it("F12: a forged anchor neither stops pruning nor is built on: pruning goes on from the newest genuine anchor and reports it", async () => {
    await write(4);
    const cutoff = await boundary();
    const lastOld = await newestEvent();
    await write(1, "kept");
    // A junk anchor on the very seq the batch would end at (anchors' throughSeq is unique).
    const forged = await forgeAnchor(lastOld.seq);
    const result = await prune({ now: nowFor(cutoff), retentionDays: 1 });
    expect(result.refused).toBeNull();
    expect(result.forgedAnchors).toEqual([{ anchorId: forged.id, throughSeq: lastOld.seq }]);
    // The batch steps back one event rather than fail on the taken seq; that event stays.
    expect(result.anchors.at(-1)?.throughSeq).toBe(lastOld.seq - 1);
    expect(await db.auditEvent.findUnique({ where: { id: lastOld.id } })).not.toBeNull();
    const genuine = await db.auditAnchor.findFirstOrThrow({ where: { throughSeq: lastOld.seq - 1 } });
    expect(isAuthenticAnchor(genuine)).toBe(true);
    // Verification: the chain from the genuine anchor verifies; the forged anchor is the finding.
    expect(await verifyAuditChain()).toMatchObject({
      ok: false,
      status: "anchor_forged",
      anchorSeq: lastOld.seq - 1,
      anchorId: forged.id,
      forgedAnchors: [{ anchorId: forged.id, throughSeq: lastOld.seq }],
    });
    const cli = await pruneCli(["--days", "1", "--force"], nowFor(cutoff));
    expect(cli.exitCode).toBe(1);
    expect(cli.lines[0]).toContain(
      `ignored a forged retention anchor without the server's MAC: ${forged.id} (through seq ${lastOld.seq}) (run npm run audit:verify)`,
    );
  });

  it("F13: never prunes what an enabled stream has not delivered, and says how many it kept and why", async () => {
    await write(5);
    const cutoff = await boundary();
    const lastOld = await newestEvent();
    await write(1, "kept");
    const first = await firstEvent();
    const deliveredThrough = first.seq + 1;
    const stream = await db.auditStream.create({
      data: {
        name: "Behind SIEM",
        url: "https://siem.example.com/hook",
        secretCipher: "x",
        secretHint: "abcd",
        cursorSeq: deliveredThrough,
      },
    });
    const paused = await db.auditStream.create({
      data: {
        name: "Paused SIEM",
        url: "https://siem.example.com/p",
        secretCipher: "x",
        secretHint: "abcd",
        cursorSeq: 0,
        enabled: false,
      },
    });
    try {
      const held = lastOld.seq - deliveredThrough;
      const reason = `an enabled SIEM stream has not delivered them yet: "Behind SIEM" (delivered through seq ${deliveredThrough})`;
      const dry = await prune({ now: nowFor(cutoff), retentionDays: 1, dryRun: true });
      expect(dry).toMatchObject({ prunedEvents: 2, heldBack: { events: held, reason } });

      const result = await prune({ now: nowFor(cutoff), retentionDays: 1 });
      expect(result).toMatchObject({ prunedEvents: 2, refused: null });
      expect(result.anchors.at(-1)?.throughSeq).toBe(deliveredThrough);
      expect(result.heldBack).toEqual({
        events: held,
        reason,
        streams: [{ id: stream.id, name: "Behind SIEM", cursorSeq: deliveredThrough }],
      });
      expect(await db.auditEvent.count({ where: { seq: { gt: deliveredThrough, lte: lastOld.seq } } })).toBe(held);
      const cli = await pruneCli(["--days", "1", "--force"], nowFor(cutoff));
      expect(cli.exitCode).toBe(0);
      expect(cli.lines[0]).toContain(`; kept ${held} older events because ${reason}`);

      // Once the stream has delivered them, they go.
      await db.auditStream.update({ where: { id: stream.id }, data: { cursorSeq: (await newestEvent()).seq } });
      const after = await prune({ now: nowFor(cutoff), retentionDays: 1 });
      expect(after).toMatchObject({ prunedEvents: held, heldBack: null });
      expect(await verifyAuditChain()).toMatchObject({ ok: true, status: "intact", anchorSeq: lastOld.seq });
    } finally {
      await db.auditStream.deleteMany({ where: { id: { in: [stream.id, paused.id] } } });
    }
  });

  it("F13: the command refuses --days below 30 without --force, and keeps 0 as keep-everything", async () => {
    await write(2);
    const events = await db.auditEvent.count();
    const refused = await pruneCli(["--days", "29"]);
    expect(refused.exitCode).toBe(2);
    expect(refused.lines[0]).toBe(
      "refusing --days 29: below the 30-day floor (add --force if you really mean to delete everything older than 29 days)",
    );
    expect((await pruneCli(["--days", "1", "--dry-run"])).exitCode).toBe(2);
    expect(await db.auditEvent.count()).toBe(events);
    expect(await pruneCli(["--days", "0"])).toEqual({
      exitCode: 0,
      lines: ["retention is off (AUDIT_RETENTION_DAYS=0): nothing pruned"],
    });
    expect((await pruneCli(["--days", "30", "--dry-run"])).lines[0]).toMatch(
      /^would prune 0 events older than .* \(30 days\)/,
    );
    expect((await pruneCli(["--days", "1", "--force", "--dry-run"])).exitCode).toBe(0);
  });
});
