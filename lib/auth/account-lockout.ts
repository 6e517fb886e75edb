// Per-account brute-force protection: after 5 consecutive failures each further failure locks the
// account for twice as long as the last (30 s, 1 min, 2 min … capped at 15 min). Accounts that do
// not exist are throttled the same way (keyed by the typed identifier), so lockouts reveal nothing.
//
// Every attempt is counted before the password is checked, so a burst of concurrent attempts
// cannot slip past the limit: the first five run, after that one attempt at a time holds the
// "ticket" while no lock is in force, and the rest are refused.
import "server-only";
import { block, hit, refund, reset } from "@/lib/rate-limit/limiter";
import { LIMITS } from "@/lib/rate-limit/limits";

export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_BASE_SECONDS = 30;
export const LOCKOUT_MAX_SECONDS = 15 * 60;

/** Lock length after the n-th consecutive failure (0 below the threshold). */
export function lockoutSeconds(failures: number): number {
  if (failures < LOCKOUT_THRESHOLD) return 0;
  return Math.min(LOCKOUT_MAX_SECONDS, LOCKOUT_BASE_SECONDS * 2 ** (failures - LOCKOUT_THRESHOLD));
}

/** Permission to check one password for an account: `attempt` is its number since the last success. */
export type AccountAttempt = { key: string; attempt: number };

export async function beginAccountAttempt(
  key: string,
): Promise<{ ok: true; ticket: AccountAttempt } | { ok: false; retryAfterSeconds: number }> {
  const counted = await hit(LIMITS.signInAccountFailures, key);
  if (!counted.allowed) return { ok: false, retryAfterSeconds: counted.retryAfterSeconds };
  if (counted.consumed > LOCKOUT_THRESHOLD) {
    const ticket = await hit(LIMITS.signInAccountLock, key);
    if (!ticket.allowed) {
      // A refused attempt is not a failure: it must not lengthen the next lock.
      await refund(LIMITS.signInAccountFailures, key);
      return { ok: false, retryAfterSeconds: ticket.retryAfterSeconds };
    }
  }
  return { ok: true, ticket: { key, attempt: counted.consumed } };
}

/** Records the outcome: success clears the count, a failure may lock the account (seconds returned). */
export async function settleAccountAttempt(ticket: AccountAttempt, success: boolean): Promise<number> {
  if (success) {
    await clearAccountFailures(ticket.key);
    return 0;
  }
  const seconds = lockoutSeconds(ticket.attempt);
  if (seconds > 0) await block(LIMITS.signInAccountLock, ticket.key, seconds);
  return seconds;
}

export async function clearAccountFailures(key: string): Promise<void> {
  await Promise.all([reset(LIMITS.signInAccountFailures, key), reset(LIMITS.signInAccountLock, key)]);
}
