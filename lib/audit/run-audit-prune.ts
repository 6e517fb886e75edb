// The core of `npm run audit:prune [-- --days N --dry-run --force]`: prune the audit log now (the
// same job the maintenance tick runs daily). Kept apart from the script so tests call it directly.
import "server-only";
import { describePruneResult, pruneAuditLog } from "@/lib/audit/prune-audit-log";

export type AuditPruneResult = { exitCode: 0 | 1 | 2; lines: string[] };

/** A `--days` below this is refused without `--force`: one typo (`--days 1`) must not wipe a year of evidence. */
export const AUDIT_PRUNE_MIN_DAYS = 30;

export const AUDIT_PRUNE_USAGE =
  "usage: npm run audit:prune [-- --days N] [--dry-run] [--force]\n" +
  "  --days N   keep the last N days (default AUDIT_RETENTION_DAYS; 0 keeps everything)\n" +
  `  --force    allow --days below ${AUDIT_PRUNE_MIN_DAYS}\n` +
  "  --dry-run  count what would be pruned, change nothing";

/**
 * Exit code 0 when pruning finished (or had nothing to do; events held back for a stream are not an
 * error), 1 when it stopped at a tampered event or found a forged anchor, 2 for bad arguments.
 */
export async function runAuditPrune(args: readonly string[], now?: Date): Promise<AuditPruneResult> {
  let days: number | undefined;
  let dryRun = false;
  let force = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--dry-run") dryRun = true;
    else if (arg === "--force") force = true;
    else if (arg === "--days" && /^\d{1,5}$/.test(args[i + 1] ?? "")) days = Number(args[++i]);
    else return { exitCode: 2, lines: [`unknown or incomplete argument: ${arg}`, AUDIT_PRUNE_USAGE] };
  }
  if (days !== undefined && days > 0 && days < AUDIT_PRUNE_MIN_DAYS && !force) {
    return {
      exitCode: 2,
      lines: [
        `refusing --days ${days}: below the ${AUDIT_PRUNE_MIN_DAYS}-day floor (add --force if you really mean to delete everything older than ${days} day${days === 1 ? "" : "s"})`,
        AUDIT_PRUNE_USAGE,
      ],
    };
  }
  const result = await pruneAuditLog({ retentionDays: days, dryRun, now });
  const failed = result.refused !== null || result.forgedAnchors.length > 0;
  return { exitCode: failed ? 1 : 0, lines: [describePruneResult(result)] };
}
