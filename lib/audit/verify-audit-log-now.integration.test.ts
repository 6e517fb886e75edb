// "Verify now" (/logs/integrity) and what the page reads, on a real database: only audit.manage may
// check, every check is recorded as an audit.verified event (the page's "last verification"), a
// tampered row is named with a link target, and anchors are listed with their signature state.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { auditAnchorMac } from "@/lib/audit/anchor-mac";
import { getAuditIntegrity } from "@/lib/audit/get-audit-integrity";
import { verifyAuditLogNow } from "@/lib/audit/verify-audit-log-now";
import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import { testContext } from "@/test/helpers";
import { viewerWithPermissions, viewerWithRole } from "@/test/role-viewers";

async function newest() {
  return db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
}

describe("verifyAuditLogNow", () => {
  it("is refused without audit.manage (audit.read is not enough) and records nothing", async () => {
    const reader = await viewerWithPermissions(["audit.read"]);
    const events = await db.auditEvent.count();
    await expect(verifyAuditLogNow(reader, testContext())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(verifyAuditLogNow(null, testContext())).rejects.toBeInstanceOf(UnauthenticatedError);
    expect(await db.auditEvent.count()).toBe(events);
    await expect(getAuditIntegrity(reader)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("reports intact and records an audit.verified event that the page shows as the last check", async () => {
    const admin = await viewerWithRole("admin");
    const ctx = testContext();
    const report = await verifyAuditLogNow(admin, ctx);
    expect(report).toMatchObject({ ok: true, status: "intact", broken: null });
    expect(report.summary).toBe(
      `intact: ${report.count} events, head seq ${report.count === 0 ? 0 : (await newest()).seq - 1}`,
    );
    const event = await newest();
    expect(event).toMatchObject({
      action: "audit.verified",
      actorId: admin.userId,
      outcome: "success",
      ipAddress: ctx.ip,
    });
    expect(JSON.parse(event.metadata)).toMatchObject({ status: "intact", count: report.count, brokenId: null });

    const page = await getAuditIntegrity(admin);
    expect(page.lastVerification).toMatchObject({ ok: true, status: "intact", count: report.count, brokenId: null });
    expect(page.lastVerification?.at.getTime()).toBe(event.createdAt.getTime());
  });

  it("names the first broken event (seq and id, for the link to the log) and records the failure", async () => {
    const admin = await viewerWithRole("admin");
    await audit({ action: "auth.signed_out", metadata: { note: "original" } });
    const target = await newest();
    await audit({ action: "auth.signed_out" });
    await db.auditEvent.update({ where: { id: target.id }, data: { metadata: '{"note":"rewritten"}' } });
    let recordedId: string | null = null;
    try {
      const report = await verifyAuditLogNow(admin, testContext());
      expect(report).toMatchObject({
        ok: false,
        status: "broken",
        broken: { seq: target.seq, id: target.id, reason: "its content does not match its hash" },
      });
      const event = await newest();
      recordedId = event.id;
      expect(event).toMatchObject({ action: "audit.verified", outcome: "failure", reason: "broken" });
      const page = await getAuditIntegrity(admin);
      expect(page.lastVerification).toMatchObject({
        ok: false,
        status: "broken",
        brokenAtSeq: target.seq,
        brokenId: target.id,
      });
    } finally {
      await db.auditEvent.update({ where: { id: target.id }, data: { metadata: target.metadata } });
    }
    expect(recordedId).not.toBeNull();
    expect((await verifyAuditLogNow(admin, testContext())).ok).toBe(true);
  });

  it("shares one walk of the chain between checks asked for at the same time, and records each", async () => {
    const admin = await viewerWithRole("admin");
    const { recordQueries } = await import("@/test/query-log");
    const before = await db.auditEvent.count({ where: { action: "audit.verified" } });
    const { result, queries } = await recordQueries(() =>
      Promise.all([verifyAuditLogNow(admin, testContext()), verifyAuditLogNow(admin, testContext())]),
    );
    expect(result[0]).toEqual({ ...result[1], checkedAt: result[0].checkedAt });
    expect(result.every((r) => r.ok)).toBe(true);
    // The walk starts by reading the anchors: once for both.
    expect(queries.filter((q) => /AuditAnchor/.test(q) && /throughSeq/.test(q) && /DESC/.test(q))).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { action: "audit.verified" } })).toBe(before + 2);
  });

  it("lists anchors newest first with the seqs they removed, and marks a forged one", async () => {
    const admin = await viewerWithRole("admin");
    const base = { throughHash: "a".repeat(64), cutoff: new Date(), createdAt: new Date() };
    const older = { ...base, id: `older-${Date.now()}`, throughSeq: -20, prunedCount: 5 };
    const newer = { ...base, id: `newer-${Date.now()}`, throughSeq: -10, prunedCount: 10 };
    // Seqs below the chain's start: listed by the page, never the newest for verification.
    const made = [
      await db.auditAnchor.create({ data: { ...older, mac: auditAnchorMac(older) } }),
      await db.auditAnchor.create({ data: { ...newer, mac: "0".repeat(64) } }),
    ];
    try {
      const page = await getAuditIntegrity(admin);
      const mine = page.anchors.filter((a) => made.some((m) => m.id === a.id));
      expect(mine).toMatchObject([
        { throughSeq: -10, fromSeq: -19, prunedCount: 10, genuine: false },
        { throughSeq: -20, prunedCount: 5, genuine: true },
      ]);
      expect(page.anchorCount).toBeGreaterThanOrEqual(2);
      expect(page.retentionDays).toBe(365);
      expect(page.cutoff).not.toBeNull();
    } finally {
      await db.auditAnchor.deleteMany({ where: { id: { in: made.map((m) => m.id) } } });
    }
  });
});
