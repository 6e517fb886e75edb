import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { auditHash, GENESIS_HASH } from "@/lib/audit/hash";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { createTestUser } from "@/test/create-test-user";
import { testContext } from "@/test/helpers";

async function lastEvent() {
  return db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
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

  it("keeps a chain that verifies", async () => {
    const user = await createTestUser();
    for (let i = 0; i < 3; i++) await audit({ action: "auth.sign_in_failed", actorId: user.id, metadata: { i } });
    const check = await verifyAuditChain();
    expect(check).toEqual({ ok: true, count: await db.auditEvent.count() });
    expect(check.count).toBeGreaterThanOrEqual(3);
  });

  it("verifies across batch boundaries", async () => {
    const total = await db.auditEvent.count();
    expect(await verifyAuditChain(2)).toEqual({ ok: true, count: total });
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
      expect(check).toMatchObject({ brokenAtSeq: target.seq, count: target.seq - 1 });
    } finally {
      // The database is shared by the whole run: put the row back so later checks start from a sound chain.
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
      expect(await verifyAuditChain()).toMatchObject({ ok: false, brokenAtSeq: next.seq });
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
    expect(await verifyAuditChain()).toEqual({ ok: true, count: before + 20 });
  });

  it("writes the event inside the caller's transaction: nothing when it rolls back", async () => {
    const user = await createTestUser();
    const before = await db.auditEvent.count({ where: { actorId: user.id } });
    await expect(
      db.$transaction(async (tx) => {
        await audit({ action: "auth.signed_out", actorId: user.id }, tx);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await db.auditEvent.count({ where: { actorId: user.id } })).toBe(before);
    await db.$transaction((tx) => audit({ action: "auth.signed_out", actorId: user.id }, tx));
    expect(await db.auditEvent.count({ where: { actorId: user.id } })).toBe(before + 1);
    expect((await verifyAuditChain()).ok).toBe(true);
  });
});
