// Work a request starts and does not wait for (a lockout notice, a reset link: the answer must not
// take longer when the account exists). Failures are logged, never thrown; `backgroundWork()`
// resolves when everything started so far has finished (tests wait for it before they look at
// the database).
import "server-only";
import { log } from "@/lib/log";

const pending = new Set<Promise<void>>();

/** Runs `task` without waiting for it; an error is logged with `what` and `fields`. */
export function inBackground(task: Promise<unknown>, what: string, fields: Record<string, unknown> = {}): void {
  const running: Promise<void> = task.then(
    () => undefined,
    (err: unknown) => log.error({ err, ...fields }, what),
  );
  pending.add(running);
  void running.finally(() => pending.delete(running));
}

/** Resolves when all background work started so far has finished. */
export async function backgroundWork(): Promise<void> {
  while (pending.size) await Promise.all([...pending]);
}
