// When a failed stream is tried again: 10 s after the first failure, doubling up to an hour, each
// delay spread by ±20 % so that streams that failed together (an endpoint outage) do not all
// return in the same second. After FAILING_AFTER consecutive failures the stream shows "failing"
// but is still retried hourly: the events wait in the audit log, nothing is dropped.
export const BACKOFF_BASE_MS = 10_000;
export const BACKOFF_MAX_MS = 60 * 60_000;
export const FAILING_AFTER = 5;

/** The delay after the `failures`-th consecutive failure (1-based). `random` ∈ [0, 1). */
export function backoffDelayMs(failures: number, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(failures, 1) - 1, 20);
  const nominal = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** exponent);
  return Math.round(nominal * (0.8 + 0.4 * random()));
}

export function statusAfterFailures(failures: number): "retrying" | "failing" {
  return failures >= FAILING_AFTER ? "failing" : "retrying";
}
