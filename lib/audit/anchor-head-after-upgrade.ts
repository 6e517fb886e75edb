// A log written before the audit head existed has events and no head, which verification must
// report as "unanchored" (it looks the same as a head deleted to hide a truncation). At the one
// moment the cause is known, right after the migration that introduced the head has been applied,
// the chain is walked and, when every link holds, anchored on its newest event (recorded as an
// audit.head_anchored event). Any other head-less log stays for an operator to judge.
import "server-only";
import { db } from "@/lib/db";
import { anchorAuditHead } from "@/lib/audit/audit";
import { AUDIT_HEAD_ID } from "@/lib/audit/head-mac";
import { describeChainCheck, verifyAuditChain } from "@/lib/audit/verify-audit-chain";

export const AUDIT_HEAD_MIGRATION = "20261201093259_bind_totp_enrolment_and_anchor_audit";

/** Returns a line to print when it did something (or refused to), else null. */
export async function anchorAuditHeadAfterUpgrade(appliedMigrations: readonly string[]): Promise<string | null> {
  if (!appliedMigrations.includes(AUDIT_HEAD_MIGRATION)) return null;
  if (await db.auditHead.findUnique({ where: { id: AUDIT_HEAD_ID }, select: { id: true } })) return null;
  const check = await verifyAuditChain();
  if (check.status === "broken") return `audit log: not anchored, ${describeChainCheck(check)}`;
  if (check.status !== "unanchored" || check.headSeq !== null) return null; // empty log: the first write anchors it
  await anchorAuditHead({
    previousHeadSeq: null,
    chainSeq: check.chainSeq,
    reason: `upgrade: ${AUDIT_HEAD_MIGRATION}`,
  });
  return `audit log: anchored its head on the ${check.count} events written before heads existed (${describeChainCheck(await verifyAuditChain())})`;
}
