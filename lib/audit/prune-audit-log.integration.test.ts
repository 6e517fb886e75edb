// Retention on a real database (SQLite and PostgreSQL): pruning keeps the chain verifying behind a
// signed anchor, is idempotent and safe when run twice at once, refuses to launder tampered rows,
// and verification reports old rows deleted by hand and forged anchors. The database is shared by
// the run and other files expect a chain from seq 1: after each test every event it pruned or
// deleted is put back by value and the anchors it made are removed.
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { auditAnchorMac, isAuthenticAnchor } from "@/lib/audit/anchor-mac";
import { pruneAuditLog } from "@/lib/audit/prune-audit-log";
import { runAuditPrune } from "@/lib/audit/run-audit-prune";
import { runAuditVerify } from "@/lib/audit/run-audit-verify";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";

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
});

afterEach(async () => {
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
    const line = (await pruneCli(["--days", "1", "--dry-run"], nowFor(cutoff))).lines[0];
    expect(line).toBe(
      `would prune ${events - 1} events older than ${cutoff.toISOString()} (1 days); 0 stream deliveries`,
    );
    expect(await db.auditEvent.count()).toBe(events);
    expect(await pruneCli(["--days"])).toMatchObject({ exitCode: 2 });
    expect(await pruneCli(["--force"])).toMatchObject({ exitCode: 2 });
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
      const cli = await pruneCli(["--days", "1"], nowFor(cutoff));
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
        expect(await verifyAuditChain()).toEqual({
          ok: false,
          status: "anchor_forged",
          count: 0,
          anchorId: forged.id,
          throughSeq: last.seq,
        });
        expect((await runAuditVerify([])).lines[0]).toBe(
          `anchor forged: the retention anchor ${forged.id} (through seq ${last.seq}) does not carry the server's MAC`,
        );
        expect((await runAuditVerify(["--anchor"])).lines[1]).toBe(
          "not anchored: a forged retention anchor cannot be repaired by moving the head",
        );
        // Pruning stops at it too: it would otherwise build on a forgery.
        expect((await prune({ now: new Date(Date.now() + 400 * DAY), retentionDays: 1 })).refused).toMatchObject({
          reason: `retention anchor ${forged.id} does not carry the server's MAC`,
        });
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
      expect(await verifyAuditChain()).toMatchObject({ status: "anchor_forged", anchorId: anchor.id });
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
