// Per-account brute-force protection: after 5 consecutive failures each further failure locks the
// account for twice as long as the last (30 s, 1 min, 2 min … capped at 15 min). Accounts that do
// not exist are throttled the same way (keyed by the typed identifier), so lockouts reveal nothing.
import "server-only";
import { block, count, hit, peek, reset } from "@/lib/rate-limit/limiter";
import { LIMITS } from "@/lib/rate-limit/limits";

export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_BASE_SECONDS = 30;
export const LOCKOUT_MAX_SECONDS = 15 * 60;

/** Lock length after the n-th consecutive failure (0 below the threshold). */
export function lockoutSeconds(failures: number): number {
  if (failures < LOCKOUT_THRESHOLD) return 0;
  return Math.min(LOCKOUT_MAX_SECONDS, LOCKOUT_BASE_SECONDS * 2 ** (failures - LOCKOUT_THRESHOLD));
}

/** Seconds until the account may try again, 0 when it is not locked. */
export async function accountLockRemaining(key: string): Promise<number> {
  const state = await peek(LIMITS.signInAccountLock, key);
  return state.allowed ? 0 : state.retryAfterSeconds;
}

export async function recordAccountFailure(key: string): Promise<{ failures: number; lockedSeconds: number }> {
  await hit(LIMITS.signInAccountFailures, key);
  const failures = await count(LIMITS.signInAccountFailures, key);
  const lockedSeconds = lockoutSeconds(failures);
  if (lockedSeconds > 0) await block(LIMITS.signInAccountLock, key, lockedSeconds);
  return { failures, lockedSeconds };
}

export async function clearAccountFailures(key: string): Promise<void> {
  await Promise.all([reset(LIMITS.signInAccountFailures, key), reset(LIMITS.signInAccountLock, key)]);
}
