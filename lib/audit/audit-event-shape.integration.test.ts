import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { createTestUser } from "@/test/create-test-user";
import { testContext } from "@/test/helpers";

async function newest() {
  return db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
}

describe("audit event shape", () => {
  it("records the actor type, name snapshots, outcome and request id, and hashes them (v2)", async () => {
    const actor = await createTestUser({ firstName: "Grace" });
    const target = await createTestUser({ firstName: "Alan" });
    const ctx = testContext();
    await audit({ action: "admin.user_banned", actorId: actor.id, targetType: "user", targetId: target.id, context: ctx });
    const row = await newest();
    expect(row).toMatchObject({
      hashVersion: 2,
      actorType: "user",
      actorName: `Grace Person (@${actor.username})`,
      targetName: `Alan Person (@${target.username})`,
      outcome: "success",
      reason: null,
      requestId: ctx.requestId,
    });

    // The snapshot outlives the target's name.
    await db.user.update({ where: { id: target.id }, data: { firstName: "Renamed" } });
    expect((await db.auditEvent.findUniqueOrThrow({ where: { id: row.id } })).targetName).toBe(`Alan Person (@${target.username})`);
    expect((await verifyAuditChain()).ok).toBe(true);

    // Editing a v2 field breaks the chain at that row.
    await db.auditEvent.update({ where: { id: row.id }, data: { actorName: "Someone else" } });
    const check = await verifyAuditChain();
    expect(check).toMatchObject({ ok: false, status: "broken", brokenAtSeq: row.seq });
    await db.auditEvent.update({ where: { id: row.id }, data: { actorName: row.actorName } });
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it("marks failures with their reason, API keys, impersonation, visitors and the system", async () => {
    const user = await createTestUser();
    await audit({ action: "auth.sign_in_failed", actorId: user.id, metadata: { reason: "invalid_password" } });
    expect(await newest()).toMatchObject({ outcome: "failure", reason: "invalid_password", actorType: "user" });

    await audit({ action: "auth.signed_out", actorId: user.id, context: { ...testContext(), impersonatorId: "adm_1" } });
    expect((await newest()).actorType).toBe("impersonator");

    await audit({ action: "user.signed_up", context: testContext() });
    expect(await newest()).toMatchObject({ actorType: "anonymous", actorName: null });

    await audit({ action: "audit.head_anchored", metadata: { reason: "operator" }, outcome: "success" });
    expect(await newest()).toMatchObject({ actorType: "system", outcome: "success", reason: "operator" });

    await audit({ action: "customer.deleted", actorId: user.id, targetType: "customer", targetId: "gone", targetName: "Acme Ltd" });
    expect((await newest()).targetName).toBe("Acme Ltd");
  });
});
