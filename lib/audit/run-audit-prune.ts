// The core of `npm run audit:prune [-- --days N --dry-run]`: prune the audit log now (the same job
// the maintenance tick runs daily). Kept apart from the script so tests call it directly.
import "server-only";
import { describePruneResult, pruneAuditLog } from "@/lib/audit/prune-audit-log";

export type AuditPruneResult = { exitCode: 0 | 1 | 2; lines: string[] };

export const AUDIT_PRUNE_USAGE =
  "usage: npm run audit:prune [-- --days N] [--dry-run]\n" +
  "  --days N   keep the last N days (default AUDIT_RETENTION_DAYS; 0 keeps everything)\n" +
  "  --dry-run  count what would be pruned, change nothing";

/** Exit code 0 when pruning finished (or had nothing to do), 1 when it stopped at a tampered event. */
export async function runAuditPrune(args: readonly string[], now?: Date): Promise<AuditPruneResult> {
  let days: number | undefined;
  let dryRun = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--dry-run") dryRun = true;
    else if (arg === "--days" && /^\d{1,5}$/.test(args[i + 1] ?? "")) days = Number(args[++i]);
    else return { exitCode: 2, lines: [`unknown or incomplete argument: ${arg}`, AUDIT_PRUNE_USAGE] };
  }
  const result = await pruneAuditLog({ retentionDays: days, dryRun, now });
  return { exitCode: result.refused ? 1 : 0, lines: [describePruneResult(result)] };
}
