import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { anchorAuditHead, audit } from "@/lib/audit/audit";
import { auditHash, GENESIS_HASH } from "@/lib/audit/hash";
import { AUDIT_HEAD_ID, auditHeadMac } from "@/lib/audit/head-mac";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { createTestUser } from "@/test/create-test-user";
import { handWrittenAuditRow } from "@/test/audit-rows";
import { testContext } from "@/test/helpers";

type EventRow = Awaited<ReturnType<typeof lastEvent>>;

async function lastEvent() {
  return db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
}

async function head() {
  return db.auditHead.findUniqueOrThrow({ where: { id: AUDIT_HEAD_ID } });
}

async function writeEvents(n: number) {
  const user = await createTestUser();
  for (let i = 0; i < n; i++) await audit({ action: "auth.sign_in_failed", actorId: user.id, metadata: { i } });
  return user;
}

/**
 * The database is shared by the whole run: a test that tampers with the newest rows or the head
 * runs `tamper` and then puts back exactly what was there (rows by value, head by value), removing
 * whatever was appended meanwhile, so later checks start from a sound chain.
 */
async function withNewestRowsSaved(n: number, tamper: (saved: EventRow[]) => Promise<void>) {
  const saved = (await db.auditEvent.findMany({ orderBy: { seq: "desc" }, take: n })).reverse();
  const savedHead = await head();
  const firstSeq = saved[0]!.seq;
  try {
    await tamper(saved);
  } finally {
    await db.auditEvent.deleteMany({ where: { seq: { gte: firstSeq } } });
    for (const row of saved) await db.auditEvent.create({ data: row });
    const { id: _id, updatedAt: _updatedAt, ...headFields } = savedHead;
    await db.auditHead.update({ where: { id: AUDIT_HEAD_ID }, data: headFields });
  }
  expect(await verifyAuditChain()).toMatchObject({ ok: true, status: "intact" });
}

describe("audit", () => {
  it("appends a row linked to the previous one, with its hash over the canonical content", async () => {
    const user = await createTestUser();
    const ctx = testContext();
    const before = await lastEvent().catch(() => null);
    await audit({
      action: "auth.signed_out",
      actorId: user.id,
      targetType: "session",
      targetId: "s1",
      metadata: { a: 1, b: "x", c: null, d: true },
      context: ctx,
    });
    const row = await lastEvent();
    expect(row).toMatchObject({
      action: "auth.signed_out",
      actorId: user.id,
      targetType: "session",
      targetId: "s1",
      ipAddress: ctx.ip,
      userAgent: ctx.userAgent,
      seq: (before?.seq ?? 0) + 1,
      prevHash: before?.hash ?? GENESIS_HASH,
    });
    expect(JSON.parse(row.metadata)).toEqual({ a: 1, b: "x", c: null, d: true });
    expect(row.hash).toBe(auditHash(row));
  });

  it("keeps the impersonating admin with an event written from an impersonated request, and lists of strings", async () => {
    const user = await createTestUser();
    const admin = await createTestUser({ role: "super_admin" });
    await audit({
      action: "user.profile_updated",
      actorId: user.id,
      metadata: { before: ["a"], after: ["a", "b"] },
      context: { ...testContext(), impersonatorId: admin.id },
    });
    const row = await lastEvent();
    expect(row.actorId).toBe(user.id);
    expect(JSON.parse(row.metadata)).toEqual({ before: ["a"], after: ["a", "b"], impersonatorId: admin.id });
    expect(row.hash).toBe(auditHash(row));
  });

  it("moves the head onto every new row, with a MAC under the server key", async () => {
    await writeEvents(1);
    const row = await lastEvent();
    expect(await head()).toMatchObject({ seq: row.seq, hash: row.hash, mac: auditHeadMac(row.seq, row.hash) });
    expect((await head()).mac).toMatch(/^[0-9a-f]{64}$/);
  });

  it("keeps a chain that verifies", async () => {
    await writeEvents(3);
    const check = await verifyAuditChain();
    const count = await db.auditEvent.count();
    expect(check).toEqual({ ok: true, status: "intact", count, headSeq: (await lastEvent()).seq });
    expect(check.count).toBeGreaterThanOrEqual(3);
  });

  it("verifies across batch boundaries", async () => {
    const total = await db.auditEvent.count();
    expect(await verifyAuditChain(2)).toMatchObject({ ok: true, status: "intact", count: total });
  });

  it("reports the row whose metadata was edited behind its back", async () => {
    const user = await createTestUser();
    await audit({ action: "auth.signed_out", actorId: user.id, metadata: { note: "original" } });
    const target = await lastEvent();
    await audit({ action: "auth.signed_out", actorId: user.id, metadata: { note: "after" } });
    expect((await verifyAuditChain()).ok).toBe(true);
    const tampered = JSON.stringify({ note: "rewritten" });
    try {
      expect(await db.$executeRaw`UPDATE "AuditEvent" SET "metadata" = ${tampered} WHERE "id" = ${target.id}`).toBe(1);
      const check = await verifyAuditChain();
      expect(check.ok).toBe(false);
      expect(check).toMatchObject({
        status: "broken",
        brokenAtSeq: target.seq,
        brokenId: target.id,
        count: target.seq - 1,
      });
    } finally {
      await db.$executeRaw`UPDATE "AuditEvent" SET "metadata" = ${target.metadata} WHERE "id" = ${target.id}`;
    }
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it("reports a row whose hash was recomputed after an edit, at the next row", async () => {
    const user = await createTestUser();
    await audit({ action: "auth.signed_out", actorId: user.id, metadata: { note: "original" } });
    const target = await lastEvent();
    await audit({ action: "auth.signed_out", actorId: user.id });
    const next = await lastEvent();
    const forgedMetadata = JSON.stringify({ note: "forged" });
    const forgedHash = auditHash({ ...target, metadata: forgedMetadata });
    try {
      await db.$executeRaw`UPDATE "AuditEvent" SET "metadata" = ${forgedMetadata}, "hash" = ${forgedHash} WHERE "id" = ${target.id}`;
      expect(await verifyAuditChain()).toMatchObject({ ok: false, status: "broken", brokenAtSeq: next.seq });
    } finally {
      await db.$executeRaw`UPDATE "AuditEvent" SET "metadata" = ${target.metadata}, "hash" = ${target.hash} WHERE "id" = ${target.id}`;
    }
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it("keeps an unbroken chain under 20 concurrent writers", async () => {
    const user = await createTestUser();
    const before = await db.auditEvent.count();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        audit({ action: "auth.sign_in_failed", actorId: user.id, metadata: { i }, context: testContext() }),
      ),
    );
    expect(await db.auditEvent.count()).toBe(before + 20);
    const mine = await db.auditEvent.findMany({ where: { actorId: user.id }, orderBy: { seq: "asc" } });
    expect(mine).toHaveLength(20);
    expect(new Set(mine.map((r) => JSON.parse(r.metadata).i)).size).toBe(20);
    expect(new Set(mine.map((r) => r.seq)).size).toBe(20);
    const newest = await lastEvent();
    expect(await verifyAuditChain()).toEqual({ ok: true, status: "intact", count: before + 20, headSeq: newest.seq });
  });

  it("writes the event inside the caller's transaction: nothing when it rolls back", async () => {
    const user = await createTestUser();
    const before = await db.auditEvent.count({ where: { actorId: user.id } });
    const headBefore = await head();
    await expect(
      db.$transaction(async (tx) => {
        await audit({ action: "auth.signed_out", actorId: user.id }, tx);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await db.auditEvent.count({ where: { actorId: user.id } })).toBe(before);
    expect(await head()).toEqual(headBefore);
    await db.$transaction((tx) => audit({ action: "auth.signed_out", actorId: user.id }, tx));
    expect(await db.auditEvent.count({ where: { actorId: user.id } })).toBe(before + 1);
    expect((await verifyAuditChain()).ok).toBe(true);
  });
});

describe("audit chain integrity gaps (issue 8, item 12)", () => {
  it("deleting the newest events is reported as truncated, and later writes do not hide it", async () => {
    await writeEvents(3);
    await withNewestRowsSaved(2, async (saved) => {
      const headSeq = saved[1]!.seq;
      await db.auditEvent.deleteMany({ where: { id: { in: saved.map((r) => r.id) } } });
      expect(await verifyAuditChain()).toMatchObject({
        ok: false,
        status: "truncated",
        headSeq,
        chainSeq: headSeq - 2,
      });

      // The application carries on writing, but the head stays on the deleted row as evidence.
      await writeEvents(1);
      expect(await verifyAuditChain()).toMatchObject({
        ok: false,
        status: "truncated",
        headSeq,
        chainSeq: headSeq - 1,
      });
      await writeEvents(1);
      const replacement = await lastEvent();
      expect(replacement.seq).toBe(headSeq);
      expect(await verifyAuditChain()).toMatchObject({
        ok: false,
        status: "broken",
        brokenAtSeq: headSeq,
        brokenId: replacement.id,
      });
      await writeEvents(1);
      expect(await verifyAuditChain()).toMatchObject({ ok: false, status: "broken", brokenAtSeq: headSeq });
    });
  });

  it("deleting the newest events and rewinding the head without the key is reported as a forged head", async () => {
    await writeEvents(3);
    await withNewestRowsSaved(2, async (saved) => {
      await db.auditEvent.deleteMany({ where: { id: { in: saved.map((r) => r.id) } } });
      const survivor = await lastEvent();
      // Everything an attacker with database access but without the server key can compute.
      for (const mac of [
        createHash("sha256")
          .update(JSON.stringify([survivor.seq, survivor.hash]))
          .digest("hex"),
        (await head()).mac,
      ]) {
        await db.auditHead.update({
          where: { id: AUDIT_HEAD_ID },
          data: { seq: survivor.seq, hash: survivor.hash, mac },
        });
        expect(await verifyAuditChain()).toMatchObject({ ok: false, status: "head_forged", headSeq: survivor.seq });
      }
      // A write does not launder the forged head by signing over it.
      const forged = await head();
      await writeEvents(1);
      expect(await head()).toMatchObject({ seq: forged.seq, hash: forged.hash, mac: forged.mac });
      expect(await verifyAuditChain()).toMatchObject({ ok: false, status: "head_forged" });
    });
  });

  it("deleting a user keeps their events' actorId and the chain intact", async () => {
    const user = await createTestUser();
    await audit({ action: "auth.signed_out", actorId: user.id, context: testContext() });
    const event = await lastEvent();
    await db.user.delete({ where: { id: user.id } });
    expect(await db.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).toEqual(event);
    expect(await verifyAuditChain()).toMatchObject({ ok: true, status: "intact" });
  });

  it("editing the actorId of an event is reported as broken at that event", async () => {
    const [user, other] = [await createTestUser(), await createTestUser()];
    await audit({ action: "auth.signed_out", actorId: user.id });
    const target = await lastEvent();
    await writeEvents(1);
    try {
      for (const actorId of [other.id, null]) {
        await db.auditEvent.update({ where: { id: target.id }, data: { actorId } });
        expect(await verifyAuditChain()).toMatchObject({
          ok: false,
          status: "broken",
          brokenAtSeq: target.seq,
          reason: "its content does not match its hash",
        });
      }
    } finally {
      await db.auditEvent.update({ where: { id: target.id }, data: { actorId: target.actorId } });
    }
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it("an event inserted behind the application's back after the head is reported unanchored", async () => {
    await writeEvents(1);
    const last = await lastEvent();
    const row = handWrittenAuditRow(last.seq + 1, last.hash);
    const inserted = await db.auditEvent.create({ data: row });
    try {
      expect(await verifyAuditChain()).toMatchObject({
        ok: false,
        status: "unanchored",
        headSeq: last.seq,
        chainSeq: row.seq,
      });
    } finally {
      await db.auditEvent.delete({ where: { id: inserted.id } });
    }
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it("a log without a head (from before heads existed) is unanchored until an operator anchors it", async () => {
    await writeEvents(1);
    const saved = await head();
    await db.auditHead.delete({ where: { id: AUDIT_HEAD_ID } });
    try {
      expect(await verifyAuditChain()).toMatchObject({ ok: false, status: "unanchored", headSeq: null });
      // A write does not adopt whatever end the chain has now: it could be the end of a truncation.
      await writeEvents(1);
      expect(await db.auditHead.findUnique({ where: { id: AUDIT_HEAD_ID } })).toBeNull();
      expect(await verifyAuditChain()).toMatchObject({ ok: false, status: "unanchored", headSeq: null });

      await anchorAuditHead({ previousHeadSeq: null, chainSeq: (await lastEvent()).seq, reason: "test" });
      const anchor = await lastEvent();
      expect(anchor.action).toBe("audit.head_anchored");
      expect(await head()).toMatchObject({ seq: anchor.seq, hash: anchor.hash });
      expect(await verifyAuditChain()).toMatchObject({ ok: true, status: "intact", headSeq: anchor.seq });
      await writeEvents(1);
      expect(await verifyAuditChain()).toMatchObject({ ok: true, status: "intact", headSeq: anchor.seq + 1 });
    } finally {
      if (!(await db.auditHead.findUnique({ where: { id: AUDIT_HEAD_ID } }))) {
        const { id: _id, updatedAt: _u, ...fields } = saved;
        await db.auditHead.create({ data: { id: AUDIT_HEAD_ID, ...fields } });
      }
    }
  });
});
