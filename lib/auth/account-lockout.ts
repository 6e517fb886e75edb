// Brute-force protection for passwords, after OWASP's "device cookies" scheme.
//
// The unit is a lock counter (`beginAccountAttempt` / `settleAccountAttempt`): after 5 consecutive
// failures each further failure locks its key for twice as long as the last (30 s, 1 min, 2 min …
// capped at 15 min). Every attempt is counted before the password is checked, so a burst of
// concurrent attempts cannot slip past the limit: the first five run, after that one attempt at a
// time holds the "ticket" while no lock is in force, and the rest are refused.
//
// A sign-in counts under (account, source), so nobody can lock an account for everyone:
// - a browser with a valid device cookie for the account counts under its own nonce, and failures
//   from elsewhere never lock it out;
// - any other request is an untrusted source, counted per IP key, and all untrusted sources
//   together meet a per-account ceiling (LIMITS.signInAccountUntrusted), which stops guessing
//   spread over many addresses. Only attempts a source lock let through count towards it, so one
//   source cannot use up the ceiling by hammering.
// Keys name the account by its id (never by what was typed) and count the username and the email
// apart, so a lock reached through one tells nothing about the other belonging to the same account.
// Identifiers that name no account are counted the same way under a keyed digest, so lockouts
// reveal nothing. Per-source keys carry the password's epoch: a new password starts them afresh.
//
// Confirming the current password for a sensitive change has a counter of its own per user, so a
// sign-in lockout caused by others cannot stop the signed-in owner, while a stolen session still
// cannot guess on.
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

/** Permission to check one password under a key: `attempt` is its number since the last success. */
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

/** Records the outcome: success clears the count, a failure may lock the key (seconds returned). */
export async function settleAccountAttempt(ticket: AccountAttempt, success: boolean): Promise<number> {
  if (success) {
    await clearLockKey(ticket.key);
    return 0;
  }
  const seconds = lockoutSeconds(ticket.attempt);
  if (seconds > 0) await block(LIMITS.signInAccountLock, ticket.key, seconds);
  return seconds;
}

/** Gives an attempt back unchecked (refused by a later limit): it neither counts nor holds the ticket. */
async function abandonAccountAttempt(ticket: AccountAttempt): Promise<void> {
  await refund(LIMITS.signInAccountFailures, ticket.key);
  if (ticket.attempt > LOCKOUT_THRESHOLD) await refund(LIMITS.signInAccountLock, ticket.key);
}

/** Whose password is being tried, through which identifier, from where. */
export type SignInSubject = {
  /** `user:<id>` for an account; `unknown:<identifier digest>` when the identifier names none. */
  account: string;
  /** The password's epoch (its passwordChangedAt in ms; "0" for no account). */
  epoch: string;
  via: "username" | "email";
  /** A trusted browser (its device cookie's nonce) or an untrusted source (the IP's limiter key). */
  source: { device: string } | { ip: string };
};

export type SignInTicket = {
  attempt: AccountAttempt;
  /** The untrusted-source ceiling this attempt counts against (null for a trusted device). */
  ceilingKey: string | null;
  /** This attempt used the last of the ceiling: untrusted sources are refused from now on. */
  ceilingReached: boolean;
};

const ceilingKey = (account: string, via: SignInSubject["via"]) => `${account}:${via}`;

export async function beginSignInAttempt(
  subject: SignInSubject,
): Promise<{ ok: true; ticket: SignInTicket } | { ok: false; retryAfterSeconds: number }> {
  const { account, epoch, via, source } = subject;
  const trusted = "device" in source;
  const key = trusted ? `${account}:${epoch}:device:${source.device}` : `${account}:${epoch}:${via}:ip:${source.ip}`;
  const attempt = await beginAccountAttempt(key);
  if (!attempt.ok) return attempt;
  if (trusted) return { ok: true, ticket: { attempt: attempt.ticket, ceilingKey: null, ceilingReached: false } };
  const ceiling = ceilingKey(account, via);
  const counted = await hit(LIMITS.signInAccountUntrusted, ceiling);
  if (!counted.allowed) {
    await abandonAccountAttempt(attempt.ticket);
    return { ok: false, retryAfterSeconds: counted.retryAfterSeconds };
  }
  return {
    ok: true,
    ticket: { attempt: attempt.ticket, ceilingKey: ceiling, ceilingReached: counted.remaining === 0 },
  };
}

/** Records a sign-in's outcome; returns the seconds its source is now locked (0 if not). */
export async function settleSignInAttempt(ticket: SignInTicket, success: boolean): Promise<number> {
  // A success is no guess: it gives its point of the ceiling back.
  if (success && ticket.ceilingKey) await refund(LIMITS.signInAccountUntrusted, ticket.ceilingKey);
  return settleAccountAttempt(ticket.attempt, success);
}

const confirmationKey = (userId: string) => `user:${userId}:confirm`;

/** An attempt at confirming the current password of a signed-in user (own counter, see above). */
export function beginPasswordConfirmation(userId: string) {
  return beginAccountAttempt(confirmationKey(userId));
}

/** Clears one lock counter (its failures and any lock in force). */
export async function clearLockKey(key: string): Promise<void> {
  await Promise.all([reset(LIMITS.signInAccountFailures, key), reset(LIMITS.signInAccountLock, key)]);
}

/**
 * Clears an account's lockout state (what a password reset calls): its untrusted-source ceilings and
 * its confirmation counter. Its per-source counters belong to the old password's epoch and are no
 * longer used once the password changed.
 */
export async function clearAccountLockouts(userId: string): Promise<void> {
  const account = `user:${userId}`;
  await Promise.all([
    clearLockKey(account),
    clearLockKey(confirmationKey(userId)),
    reset(LIMITS.signInAccountUntrusted, ceilingKey(account, "username")),
    reset(LIMITS.signInAccountUntrusted, ceilingKey(account, "email")),
  ]);
}
