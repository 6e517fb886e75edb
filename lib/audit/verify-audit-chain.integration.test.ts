// Verification findings of the issue-13 security review on a real database (SQLite and PostgreSQL):
// rows at or before the chain's start are reported (F11), a forged anchor is reported beside the
// chain's real state rather than instead of it (F12), and original-form (hashVersion 1) rows must
// hold the derived values in the columns their hash does not cover, and never follow a newer row
// (F6). The database is shared by the run: every test puts back exactly what it changed.
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { auditHash } from "@/lib/audit/hash";
import { AUDIT_HEAD_ID, auditHeadMac } from "@/lib/audit/head-mac";
import { runAuditVerify } from "@/lib/audit/run-audit-verify";
import { describeChainCheck, verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { handWrittenAuditRow } from "@/test/audit-rows";

const forgedIds: string[] = [];

afterEach(async () => {
  await db.auditAnchor.deleteMany({ where: { id: { in: forgedIds.splice(0) } } });
  expect(await verifyAuditChain()).toMatchObject({ ok: true, status: "intact" });
});

async function newestEvent() {
  return db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
}

/** A retention anchor row without the server's MAC (what someone with DB write but no key can make). */
async function forgeAnchor(throughSeq: number, throughHash = "f".repeat(64)) {
  const id = `forged-${throughSeq}-${Math.random().toString(36).slice(2, 8)}`;
  forgedIds.push(id);
  return db.auditAnchor.create({
    data: {
      id,
      throughSeq,
      throughHash,
      prunedCount: 1,
      cutoff: new Date(),
      createdAt: new Date(),
      mac: "0".repeat(64),
    },
  });
}

/**
 * Runs `check` against a log of its own: every event, the head and the anchors are set aside, the
 * given rows written (chained by hand) with a genuine head on the last, then everything put back.
 */
async function withScratchLog(rows: ReturnType<typeof handWrittenAuditRow>[], check: () => Promise<void>) {
  const events = await db.auditEvent.findMany({ orderBy: { seq: "asc" } });
  const head = await db.auditHead.findUnique({ where: { id: AUDIT_HEAD_ID } });
  const anchors = await db.auditAnchor.findMany();
  await db.auditEvent.deleteMany({});
  await db.auditHead.deleteMany({});
  await db.auditAnchor.deleteMany({});
  try {
    await db.auditEvent.createMany({ data: rows });
    const last = rows[rows.length - 1]!;
    await db.auditHead.create({
      data: { id: AUDIT_HEAD_ID, seq: last.seq, hash: last.hash, mac: auditHeadMac(last.seq, last.hash) },
    });
    await check();
  } finally {
    await db.auditEvent.deleteMany({});
    await db.auditHead.deleteMany({});
    for (let i = 0; i < events.length; i += 500) await db.auditEvent.createMany({ data: events.slice(i, i + 500) });
    if (head) {
      const { updatedAt: _u, ...fields } = head;
      await db.auditHead.create({ data: fields });
    }
    if (anchors.length) await db.auditAnchor.createMany({ data: anchors });
  }
}

/** Original-form rows chained from seq 1, each built by `shape` (then hashed as v1 hashes them). */
function originalChain(shapes: Partial<ReturnType<typeof handWrittenAuditRow>>[]) {
  const rows: ReturnType<typeof handWrittenAuditRow>[] = [];
  for (const [i, shape] of shapes.entries()) {
    const base = handWrittenAuditRow(i + 1, rows[i - 1]?.hash, 1);
    const row = { ...base, ...shape };
    rows.push({ ...row, hash: auditHash(row) });
  }
  return rows;
}

describe("F11: rows at or before the chain's start", () => {
  it("reports a fabricated event at seq 0 or below as broken at the start, naming the first one", async () => {
    const zero = await db.auditEvent.create({ data: handWrittenAuditRow(0) });
    const minus = await db.auditEvent.create({ data: { ...handWrittenAuditRow(-1), hash: `x${"1".repeat(63)}` } });
    try {
      const check = await verifyAuditChain();
      expect(check).toMatchObject({ ok: false, status: "broken", cause: "start", brokenAtSeq: -1, brokenId: minus.id });
      expect(check.status === "broken" && check.reason).toBe(
        "2 events lie at seq 0 or below, before the chain's start at seq 1: nothing vouches for them",
      );
      const cli = await runAuditVerify(["--anchor"]);
      expect(cli.exitCode).toBe(1);
      expect(cli.lines[0]).toBe(
        `broken at event seq -1 (id ${minus.id}): ${check.status === "broken" ? check.reason : ""}`,
      );
      expect(cli.lines[1]).toBe("not anchored: a broken link cannot be repaired by moving the head");
    } finally {
      await db.auditEvent.deleteMany({ where: { id: { in: [zero.id, minus.id] } } });
    }
  });
});

describe("F12: a forged anchor is reported beside the chain's real state", () => {
  it("still walks the chain and names the edited event, listing the forged anchor too", async () => {
    await audit({ action: "auth.signed_out", metadata: { note: "original" } });
    const victim = await newestEvent();
    await audit({ action: "auth.signed_out", metadata: { note: "after" } });
    const forged = await forgeAnchor(-100);
    await db.auditEvent.update({ where: { id: victim.id }, data: { metadata: '{"note":"rewritten"}' } });
    try {
      const check = await verifyAuditChain();
      expect(check).toMatchObject({
        ok: false,
        status: "broken",
        cause: "chain",
        brokenAtSeq: victim.seq,
        brokenId: victim.id,
        forgedAnchors: [{ anchorId: forged.id, throughSeq: -100 }],
      });
      expect(describeChainCheck(check)).toBe(
        `broken at event seq ${victim.seq} (id ${victim.id}): its content does not match its hash; also: the retention anchor ${forged.id} (through seq -100) does not carry the server's MAC`,
      );
    } finally {
      await db.auditEvent.update({ where: { id: victim.id }, data: { metadata: victim.metadata } });
    }
  });

  it("names the newest events deleted as truncated even with a forged anchor present", async () => {
    await audit({ action: "auth.signed_out" });
    const tail = await newestEvent();
    const forged = await forgeAnchor(-101);
    await db.auditEvent.delete({ where: { id: tail.id } });
    try {
      expect(await verifyAuditChain()).toMatchObject({
        ok: false,
        status: "truncated",
        headSeq: tail.seq,
        chainSeq: tail.seq - 1,
        forgedAnchors: [{ anchorId: forged.id, throughSeq: -101 }],
      });
    } finally {
      await db.auditEvent.create({ data: tail });
    }
  });

  it("an otherwise intact chain reads anchor_forged with the chain's own count and head, every forged anchor listed", async () => {
    await audit({ action: "auth.signed_out" });
    const newest = await newestEvent();
    const total = await db.auditEvent.count();
    const older = await forgeAnchor(-103);
    const newer = await forgeAnchor(-102);
    const check = await verifyAuditChain();
    expect(check).toEqual({
      ok: false,
      status: "anchor_forged",
      count: total,
      headSeq: newest.seq,
      anchorId: newer.id,
      throughSeq: -102,
      forgedAnchors: [
        { anchorId: newer.id, throughSeq: -102 },
        { anchorId: older.id, throughSeq: -103 },
      ],
    });
    expect((await runAuditVerify([])).lines[0]).toBe(
      `anchor forged: 2 retention anchors do not carry the server's MAC: ${newer.id} (through seq -102), ${older.id} (through seq -103); the chain itself verifies: ${total} events, head seq ${newest.seq}`,
    );
  });
});

describe("F6: original-form (hashVersion 1) rows", () => {
  it("verifies a genuine original-form log whose later columns hold their derived values", async () => {
    const rows = originalChain([
      { actorId: "u-1", actorType: "user", action: "auth.sign_in_failed", outcome: "failure" },
      { actorId: null, actorType: "system", action: "auth.signed_out", outcome: "success" },
      { actorId: "u-1", actorType: "user", action: "customer.created", outcome: "success" },
    ]);
    await withScratchLog(rows, async () => {
      expect(await verifyAuditChain()).toEqual({ ok: true, status: "intact", count: 3, headSeq: 3 });
    });
  });

  it.each([
    ["actorName", { actorName: "Mallory" }],
    ["targetName", { targetName: "Someone" }],
    ["reason", { reason: "invalid_password" }],
    ["requestId", { requestId: "req-1" }],
    ["actorType", { actorType: "system" }],
    ["outcome", { outcome: "success" }],
  ] as const)(
    "reports an edited %s (a column the v1 hash does not cover) as broken at that event",
    async (field, edit) => {
      const rows = originalChain([
        { actorId: null, actorType: "system", action: "auth.signed_out", outcome: "success" },
        { actorId: "u-1", actorType: "user", action: "auth.sign_in_failed", outcome: "failure" },
        { actorId: null, actorType: "system", action: "auth.signed_out", outcome: "success" },
      ]);
      // Edited after the fact: the stored hash (over the original ten fields) still matches.
      const edited = rows.map((r) => (r.seq === 2 ? { ...r, ...edit } : r));
      expect(auditHash(edited[1]!)).toBe(edited[1]!.hash);
      await withScratchLog(edited, async () => {
        const check = await verifyAuditChain();
        expect(check).toMatchObject({ ok: false, status: "broken", cause: "chain", brokenAtSeq: 2, count: 1 });
        expect(check.status === "broken" && check.reason).toBe(
          `a field the original hash does not cover was changed (${field})`,
        );
      });
    },
  );

  it("reports an actorType of user on an event without an actor, and a success outcome written as failure", async () => {
    const rows = originalChain([{ actorId: null, actorType: "user", action: "auth.signed_out", outcome: "success" }]);
    await withScratchLog(rows, async () => {
      expect(await verifyAuditChain()).toMatchObject({
        status: "broken",
        brokenAtSeq: 1,
        reason: expect.stringContaining("(actorType)"),
      });
    });
    const failed = originalChain([
      { actorId: null, actorType: "system", action: "auth.signed_out", outcome: "failure" },
    ]);
    await withScratchLog(failed, async () => {
      expect(await verifyAuditChain()).toMatchObject({
        status: "broken",
        brokenAtSeq: 1,
        reason: expect.stringContaining("(outcome)"),
      });
    });
  });

  it("reports an original-form event that follows a current-form one", async () => {
    const first = handWrittenAuditRow(1, undefined, 1);
    const second = handWrittenAuditRow(2, first.hash, 2);
    const third = handWrittenAuditRow(3, second.hash, 1);
    await withScratchLog([first, second, third], async () => {
      const check = await verifyAuditChain();
      expect(check).toMatchObject({ ok: false, status: "broken", brokenAtSeq: 3, count: 2 });
      expect(check.status === "broken" && check.reason).toBe(
        "a field the original hash does not cover was changed (hashVersion: an original-form event after a newer one)",
      );
    });
  });
});
