// "Verify now" on /logs/integrity (audit.manage): checks the whole chain and records the outcome as
// an `audit.verified` event, so the page (and anyone reading the log) sees when it was last checked,
// by whom and what it found. The event is written after the check, in its own transaction.
import "server-only";
import { audit, type AuditValue } from "@/lib/audit/audit";
import type { Actor } from "@/lib/auth/actor";
import type { RequestContext } from "@/lib/http/request-context";
import { requirePermission } from "@/lib/rbac/can";
import {
  describeChainCheck,
  verifyAuditChain,
  type ChainCheck,
  type ChainStatus,
} from "@/lib/audit/verify-audit-chain";

/** What the page shows of one verification (plain JSON: it crosses the server-action boundary). */
export type VerificationReport = {
  ok: boolean;
  status: ChainStatus;
  /** Events checked. */
  count: number;
  /** The one-line description `npm run audit:verify` prints. */
  summary: string;
  /** The first event that does not verify, when the status is "broken". */
  broken: { seq: number; id: string; reason: string } | null;
  /** Retention anchors that do not carry the server's MAC (reported beside the chain's own result). */
  forgedAnchors: { anchorId: string; throughSeq: number }[];
  checkedAt: string;
};

export function reportOf(check: ChainCheck, checkedAt: Date): VerificationReport {
  return {
    ok: check.ok,
    status: check.status,
    count: check.count,
    summary: describeChainCheck(check),
    broken: check.status === "broken" ? { seq: check.brokenAtSeq, id: check.brokenId, reason: check.reason } : null,
    forgedAnchors: check.ok ? [] : (check.forgedAnchors ?? []),
    checkedAt: checkedAt.toISOString(),
  };
}

const running = globalThis as unknown as { opsdeckAuditCheck?: Promise<ChainCheck> };

/**
 * One walk of the chain at a time per process: a check of a large log takes seconds, and several
 * people pressing the button (or one pressing it repeatedly) share the walk already under way.
 */
function sharedCheck(): Promise<ChainCheck> {
  running.opsdeckAuditCheck ??= verifyAuditChain().finally(() => {
    running.opsdeckAuditCheck = undefined;
  });
  return running.opsdeckAuditCheck;
}

export async function verifyAuditLogNow(actor: Actor | null, ctx: RequestContext): Promise<VerificationReport> {
  requirePermission(actor, "audit.manage");
  const report = reportOf(await sharedCheck(), new Date());
  const metadata: Record<string, AuditValue> = {
    status: report.status,
    count: report.count,
    summary: report.summary.slice(0, 500),
    brokenAtSeq: report.broken?.seq ?? null,
    brokenId: report.broken?.id ?? null,
    forgedAnchors: report.forgedAnchors.map((f) => f.anchorId),
  };
  await audit({
    action: "audit.verified",
    actorId: actor.userId,
    metadata,
    outcome: report.ok ? "success" : "failure",
    reason: report.ok ? null : report.status,
    context: ctx,
  });
  return report;
}
