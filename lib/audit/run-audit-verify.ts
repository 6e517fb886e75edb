// The core of `npm run audit:verify [-- --anchor]`: verify the chain and, when asked, anchor the
// head at the chain's current end. Kept apart from the script so tests call it directly.
import "server-only";
import { anchorAuditHead } from "@/lib/audit/audit";
import { describeChainCheck, verifyAuditChain } from "@/lib/audit/verify-audit-chain";

export type AuditVerifyResult = { exitCode: 0 | 1 | 2; lines: string[] };

export const AUDIT_VERIFY_USAGE =
  "usage: npm run audit:verify [-- --anchor]\n" +
  "  --anchor  after checking the events yourself: record an audit.head_anchored event and anchor the head on it\n" +
  "            (for a log from before the head existed, or after an incident was investigated)";

/** Exit code 0 only when the chain is intact (after anchoring, when that was asked for). */
export async function runAuditVerify(args: readonly string[]): Promise<AuditVerifyResult> {
  const anchor = args.includes("--anchor");
  const unknown = args.filter((a) => a !== "--anchor");
  if (unknown.length > 0) return { exitCode: 2, lines: [`unknown argument: ${unknown.join(" ")}`, AUDIT_VERIFY_USAGE] };

  const check = await verifyAuditChain();
  const lines = [describeChainCheck(check)];
  if (!anchor || check.ok) {
    if (anchor) lines.push("nothing to anchor: the head already vouches for the newest event");
    return { exitCode: check.ok ? 0 : 1, lines };
  }
  // A broken link (or a start no genuine retention anchor accounts for) stays broken whatever the
  // head says, and a forged anchor is evidence of its own: anchoring would only hide the report.
  if (check.status === "broken" && check.cause !== "head") {
    lines.push("not anchored: a broken link cannot be repaired by moving the head");
    return { exitCode: 1, lines };
  }
  if (check.status === "anchor_forged" || ("forgedAnchors" in check && check.forgedAnchors?.length)) {
    lines.push("not anchored: a forged retention anchor cannot be repaired by moving the head");
    return { exitCode: 1, lines };
  }
  await anchorAuditHead({
    previousHeadSeq: "headSeq" in check ? check.headSeq : "brokenAtSeq" in check ? check.brokenAtSeq : null,
    chainSeq: "chainSeq" in check ? check.chainSeq : check.count,
    reason: check.status,
  });
  const after = await verifyAuditChain();
  lines.push(`anchored (was ${check.status}); now ${describeChainCheck(after)}`);
  return { exitCode: after.ok ? 0 : 1, lines };
}
