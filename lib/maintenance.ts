import "server-only";
import { pruneIdempotencyRecords } from "@/lib/api/idempotency";
import { pruneExpiredSessions } from "@/lib/auth/sessions";
import { sendDueReminders } from "@/lib/data/boards/send-due-reminders";
import { finishLapsedImpersonations } from "@/lib/data/impersonation/finish-lapsed-impersonations";
import { pruneExpiredTotpEnrolments } from "@/lib/data/two-factor/prune-expired-totp-enrolments";
import { retryQueuedEmails } from "@/lib/email/send-email";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

const g = globalThis as unknown as { opsdeckMaintenance?: NodeJS.Timeout };

export function startMaintenance(intervalMs = 60_000): void {
  if (g.opsdeckMaintenance || env.NODE_ENV === "test") return;
  if (env.NODE_ENV === "production" && !env.REDIS_URL && env.DATABASE_URL.startsWith("postgres")) {
    log.warn(
      "REDIS_URL is not set: rate limits and lockouts are counted per process. Set it when running more than one instance.",
    );
  }
  const tick = async () => {
    try {
      const retried = await retryQueuedEmails();
      const pruned = await pruneExpiredSessions();
      const enrolmentsPruned = await pruneExpiredTotpEnrolments();
      // Impersonations nobody stopped (time ran out, sign-out, revocation): recorded and the person emailed.
      const impersonationsFinished = await finishLapsedImpersonations();
      const idempotencyPruned = await pruneIdempotencyRecords();
      // Due-date reminders, the day before (idempotent per due date, safe with several instances).
      const reminders = (await sendDueReminders()).emails;
      if (retried || pruned || enrolmentsPruned || impersonationsFinished || idempotencyPruned || reminders)
        log.info(
          { retried, pruned, enrolmentsPruned, impersonationsFinished, idempotencyPruned, reminders },
          "maintenance",
        );
    } catch (err) {
      log.warn({ err }, "maintenance tick failed");
    }
  };
  g.opsdeckMaintenance = setInterval(tick, intervalMs);
  g.opsdeckMaintenance.unref();
}
