import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { AUDIT_HEAD_MIGRATION, anchorAuditHeadAfterUpgrade } from "@/lib/audit/anchor-head-after-upgrade";
import { AUDIT_HEAD_ID } from "@/lib/audit/head-mac";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";

/** The state of a log written before heads existed: events, no head. */
async function dropHead() {
  await db.auditHead.deleteMany({ where: { id: AUDIT_HEAD_ID } });
  expect(await verifyAuditChain()).toMatchObject({ ok: false, status: "unanchored", headSeq: null });
}

describe("anchorAuditHeadAfterUpgrade", () => {
  it("anchors a head-less log right after the migration that introduced heads, in the chain", async () => {
    await audit({ action: "auth.signed_out" });
    await dropHead();
    const line = await anchorAuditHeadAfterUpgrade(["20261123154438_init", AUDIT_HEAD_MIGRATION]);
    expect(line).toMatch(/^audit log: anchored its head on the \d+ events written before heads existed \(intact: /);
    expect(await verifyAuditChain()).toMatchObject({ ok: true, status: "intact" });
    const newest = await db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
    expect(newest.action).toBe("audit.head_anchored");
    expect(JSON.parse(newest.metadata)).toMatchObject({
      previousHeadSeq: null,
      reason: `upgrade: ${AUDIT_HEAD_MIGRATION}`,
    });
  });

  it("leaves a head-less log unanchored on any other run (a deleted head is for an operator to judge)", async () => {
    await dropHead();
    try {
      expect(await anchorAuditHeadAfterUpgrade([])).toBeNull();
      expect(await anchorAuditHeadAfterUpgrade(["20991231000000_later"])).toBeNull();
      expect(await verifyAuditChain()).toMatchObject({ ok: false, status: "unanchored" });
    } finally {
      await anchorAuditHeadAfterUpgrade([AUDIT_HEAD_MIGRATION]);
    }
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it("does not anchor over a broken link, and says so", async () => {
    await audit({ action: "auth.signed_out", metadata: { note: "original" } });
    const target = await db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
    await dropHead();
    try {
      await db.auditEvent.update({ where: { id: target.id }, data: { metadata: '{"note":"rewritten"}' } });
      expect(await anchorAuditHeadAfterUpgrade([AUDIT_HEAD_MIGRATION])).toMatch(
        /^audit log: not anchored, broken at event seq /,
      );
      expect(await db.auditHead.count()).toBe(0);
    } finally {
      await db.auditEvent.update({ where: { id: target.id }, data: { metadata: target.metadata } });
      await anchorAuditHeadAfterUpgrade([AUDIT_HEAD_MIGRATION]);
    }
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it("does nothing when a head exists", async () => {
    await audit({ action: "auth.signed_out" });
    const before = await db.auditEvent.count();
    expect(await anchorAuditHeadAfterUpgrade([AUDIT_HEAD_MIGRATION])).toBeNull();
    expect(await db.auditEvent.count()).toBe(before);
  });
});
