import "server-only";
import { pruneExpiredSessions } from "@/lib/auth/sessions";
import { retryQueuedEmails } from "@/lib/email/send-email";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

const g = globalThis as unknown as { opsdeckMaintenance?: NodeJS.Timeout };

export function startMaintenance(intervalMs = 60_000): void {
  if (g.opsdeckMaintenance || env.NODE_ENV === "test") return;
  const tick = async () => {
    try {
      const retried = await retryQueuedEmails();
      const pruned = await pruneExpiredSessions();
      if (retried || pruned) log.info({ retried, pruned }, "maintenance");
    } catch (err) {
      log.warn({ err }, "maintenance tick failed");
    }
  };
  g.opsdeckMaintenance = setInterval(tick, intervalMs);
  g.opsdeckMaintenance.unref();
}
