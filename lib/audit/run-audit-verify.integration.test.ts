import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { AUDIT_HEAD_ID } from "@/lib/audit/head-mac";
import { runAuditVerify } from "@/lib/audit/run-audit-verify";

async function newest() {
  return db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
}

describe("runAuditVerify (npm run audit:verify)", () => {
  it("prints intact with the event count and head seq, exit code 0", async () => {
    await audit({ action: "auth.signed_out" });
    const count = await db.auditEvent.count();
    const { seq } = await newest();
    expect(await runAuditVerify([])).toEqual({ exitCode: 0, lines: [`intact: ${count} events, head seq ${seq}`] });
  });

  it("prints the first broken event with its seq, id and reason, exit code 1, and refuses to anchor over it", async () => {
    await audit({ action: "auth.signed_out", metadata: { note: "original" } });
    const target = await newest();
    await audit({ action: "auth.signed_out" });
    const events = await db.auditEvent.count();
    try {
      await db.auditEvent.update({ where: { id: target.id }, data: { metadata: '{"note":"rewritten"}' } });
      const line = `broken at event seq ${target.seq} (id ${target.id}): its content does not match its hash`;
      expect(await runAuditVerify([])).toEqual({ exitCode: 1, lines: [line] });
      expect(await runAuditVerify(["--anchor"])).toEqual({
        exitCode: 1,
        lines: [line, "not anchored: a broken link cannot be repaired by moving the head"],
      });
      expect(await db.auditEvent.count()).toBe(events);
    } finally {
      await db.auditEvent.update({ where: { id: target.id }, data: { metadata: target.metadata } });
    }
    expect((await runAuditVerify([])).exitCode).toBe(0);
  });

  it("prints truncated when the newest event was deleted, and --anchor records the re-anchoring in the chain", async () => {
    await audit({ action: "auth.signed_out" });
    const gone = await newest();
    await db.auditEvent.delete({ where: { id: gone.id } });
    expect(await runAuditVerify([])).toEqual({
      exitCode: 1,
      lines: [`truncated: head says seq ${gone.seq}, chain ends at seq ${gone.seq - 1}`],
    });
    const result = await runAuditVerify(["--anchor"]);
    const anchor = await newest();
    expect(anchor).toMatchObject({ seq: gone.seq, action: "audit.head_anchored" });
    expect(JSON.parse(anchor.metadata)).toEqual({
      previousHeadSeq: gone.seq,
      chainSeq: gone.seq - 1,
      reason: "truncated",
    });
    expect(result).toEqual({
      exitCode: 0,
      lines: [
        `truncated: head says seq ${gone.seq}, chain ends at seq ${gone.seq - 1}`,
        `anchored (was truncated); now intact: ${await db.auditEvent.count()} events, head seq ${anchor.seq}`,
      ],
    });
    expect(await db.auditHead.findUniqueOrThrow({ where: { id: AUDIT_HEAD_ID } })).toMatchObject({
      seq: anchor.seq,
      hash: anchor.hash,
    });
  });

  it("does nothing on --anchor when intact, and rejects unknown arguments with exit code 2", async () => {
    const events = await db.auditEvent.count();
    expect((await runAuditVerify(["--anchor"])).lines[1]).toBe(
      "nothing to anchor: the head already vouches for the newest event",
    );
    expect(await db.auditEvent.count()).toBe(events);
    expect(await runAuditVerify(["--fix"])).toMatchObject({ exitCode: 2 });
  });
});
