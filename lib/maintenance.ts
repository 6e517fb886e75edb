import "server-only";
import { pruneIdempotencyRecords } from "@/lib/api/idempotency";
import { pruneAuditLog } from "@/lib/audit/prune-audit-log";
import { deliverAuditStreams } from "@/lib/audit/streams/deliver-audit-streams";
import { pruneExpiredSessions } from "@/lib/auth/sessions";
import { sendDueReminders } from "@/lib/data/boards/send-due-reminders";
import { finishLapsedImpersonations } from "@/lib/data/impersonation/finish-lapsed-impersonations";
import { prunePendingSignIns } from "@/lib/data/sign-in-methods/prune-pending-sign-ins";
import { pruneExpiredTotpEnrolments } from "@/lib/data/two-factor/prune-expired-totp-enrolments";
import { runsMaintenance } from "@/lib/cluster";
import { retryQueuedEmails } from "@/lib/email/send-email";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

const g = globalThis as unknown as { opsdeckMaintenance?: NodeJS.Timeout; opsdeckAuditStreams?: NodeJS.Timeout };

const AUDIT_PRUNE_EVERY_MS = 24 * 60 * 60 * 1000;
/** SIEM streams lag at most this much behind the log (one indexed query per run when none is due). */
const AUDIT_STREAM_EVERY_MS = 5_000;

export function startMaintenance(intervalMs = 60_000): void {
  // One process of a cluster does the upkeep (each job is idempotent, but several would contend for SQLite's writer).
  if (g.opsdeckMaintenance || env.NODE_ENV === "test" || !runsMaintenance()) return;
  if (env.NODE_ENV === "production" && !env.REDIS_URL && env.DATABASE_URL.startsWith("postgres")) {
    log.warn(
      "REDIS_URL is not set: rate limits and lockouts are counted per process. Set it when running more than one instance.",
    );
  }
  let lastAuditPrune = 0;
  const tick = async () => {
    try {
      const retried = await retryQueuedEmails();
      const pruned = await pruneExpiredSessions();
      const enrolmentsPruned = (await pruneExpiredTotpEnrolments()) + (await prunePendingSignIns());
      // Impersonations nobody stopped (time ran out, sign-out, revocation): recorded and the person emailed.
      const impersonationsFinished = await finishLapsedImpersonations();
      const idempotencyPruned = await pruneIdempotencyRecords();
      // Due-date reminders, the day before (idempotent per due date, safe with several instances).
      const reminders = (await sendDueReminders()).emails;
      // Audit retention (AUDIT_RETENTION_DAYS), once a day per instance; idempotent and safe with several.
      let auditPruned = 0;
      if (Date.now() - lastAuditPrune >= AUDIT_PRUNE_EVERY_MS) {
        lastAuditPrune = Date.now();
        const retention = await pruneAuditLog();
        auditPruned = retention.prunedEvents;
        if (retention.refused) {
          log.error(
            { refused: retention.refused },
            "audit retention stopped at an event that does not verify: run npm run audit:verify",
          );
        }
        if (retention.forgedAnchors.length) {
          log.error(
            { forgedAnchors: retention.forgedAnchors },
            "audit retention ignored retention anchors without the server's MAC: run npm run audit:verify",
          );
        }
        if (retention.heldBack) {
          log.warn(
            { heldBack: retention.heldBack.events, reason: retention.heldBack.reason },
            "audit retention kept old events a SIEM stream has not delivered yet",
          );
        }
      }
      if (
        retried ||
        pruned ||
        enrolmentsPruned ||
        impersonationsFinished ||
        idempotencyPruned ||
        reminders ||
        auditPruned
      )
        log.info(
          { retried, pruned, enrolmentsPruned, impersonationsFinished, idempotencyPruned, reminders, auditPruned },
          "maintenance",
        );
    } catch (err) {
      log.warn({ err }, "maintenance tick failed");
    }
  };
  g.opsdeckMaintenance = setInterval(tick, intervalMs);
  g.opsdeckMaintenance.unref();

  // SIEM delivery has its own short interval; one run at a time per process, and a lease in the
  // database keeps several instances from delivering the same stream.
  let streaming = false;
  g.opsdeckAuditStreams = setInterval(async () => {
    if (streaming) return;
    streaming = true;
    try {
      const runs = await deliverAuditStreams();
      if (runs.delivered || runs.failed) log.info({ ...runs }, "audit streams");
    } catch (err) {
      log.warn({ err }, "audit stream delivery failed");
    } finally {
      streaming = false;
    }
  }, AUDIT_STREAM_EVERY_MS);
  g.opsdeckAuditStreams.unref();
}
