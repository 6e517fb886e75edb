// Lockout counters must live in Redis when REDIS_URL is set, so that every app instance sees them.
// Runs against the Redis named by TEST_REDIS_URL (CI sets it: .ci/run); without it the suite is
// reported as skipped, never as passed. lib/env parses process.env once, so REDIS_URL is set before
// any app module is imported and the app modules are imported dynamically inside the tests.
import { randomBytes } from "node:crypto";
import Redis from "ioredis";
import { RateLimiterRedis } from "rate-limiter-flexible";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "";
const previousRedisUrl = process.env.REDIS_URL;
if (REDIS_URL) process.env.REDIS_URL = REDIS_URL;

const FAILURES_PREFIX = "opsdeck:rl:sign-in-account";
const LOCK_PREFIX = "opsdeck:rl:sign-in-account-lock";

let redis: Redis;
const createdKeys = new Set<string>();

/** A lockout key of our own, remembered for clean-up. */
function accountKey(): string {
  const key = `user:limiter-test-${randomBytes(6).toString("hex")}`;
  createdKeys.add(`${FAILURES_PREFIX}:${key}`);
  createdKeys.add(`${LOCK_PREFIX}:${key}`);
  return key;
}

type AppRedisGlobal = { opsdeckRedis?: Redis };

/** Drops the app's Redis client and module state, as if another app instance started. */
async function forgetAppInstance() {
  const g = globalThis as unknown as AppRedisGlobal;
  await g.opsdeckRedis?.quit().catch(() => undefined);
  delete g.opsdeckRedis;
  vi.resetModules();
}

/** One failed password check of `key` through the app's lockout (what a wrong sign-in does). */
async function fail(key: string) {
  const lockout = await import("@/lib/auth/account-lockout");
  const attempt = await lockout.beginAccountAttempt(key);
  if (!attempt.ok) throw new Error("attempt refused");
  return { failures: attempt.ticket.attempt, lockedSeconds: await lockout.settleAccountAttempt(attempt.ticket, false) };
}

/** Seconds the account stays locked, read without counting an attempt. */
async function lockRemaining(key: string) {
  const { peek } = await import("@/lib/rate-limit/limiter");
  const { LIMITS } = await import("@/lib/rate-limit/limits");
  const state = await peek(LIMITS.signInAccountLock, key);
  return state.allowed ? 0 : state.retryAfterSeconds;
}

describe.skipIf(!REDIS_URL)("rate limits with REDIS_URL", () => {
  beforeAll(async () => {
    redis = new Redis(REDIS_URL, {
      lazyConnect: true,
      connectTimeout: 2000,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    redis.on("error", () => undefined);
    try {
      await redis.connect();
      expect(await redis.ping()).toBe("PONG");
    } catch (error) {
      throw new Error(
        `Redis is not reachable at ${REDIS_URL} (${error instanceof Error ? error.message : String(error)}). ` +
          "This test needs a running Redis: start one (e.g. `redis-server` or `docker run -p 6379:6379 redis`) and run again.",
      );
    }
  });

  afterAll(async () => {
    if (redis?.status === "ready" && createdKeys.size) await redis.del(...createdKeys);
    redis?.disconnect();
    await forgetAppInstance();
    if (previousRedisUrl === undefined) delete process.env.REDIS_URL;
    else process.env.REDIS_URL = previousRedisUrl;
  });

  it("uses Redis for the sign-in lockout limiters", async () => {
    const { limiterFor } = await import("@/lib/rate-limit/limiter");
    const { LIMITS } = await import("@/lib/rate-limit/limits");
    const { env } = await import("@/lib/env");
    expect(env.REDIS_URL).toBe(REDIS_URL);
    expect(limiterFor(LIMITS.signInAccountFailures)).toBeInstanceOf(RateLimiterRedis);
    expect(limiterFor(LIMITS.signInAccountLock)).toBeInstanceOf(RateLimiterRedis);
  });

  it("stores account failures where an independent limiter (another instance) sees them", async () => {
    const { count } = await import("@/lib/rate-limit/limiter");
    const { LIMITS } = await import("@/lib/rate-limit/limits");
    const key = accountKey();

    for (let i = 1; i <= 3; i++) expect(await fail(key)).toEqual({ failures: i, lockedSeconds: 0 });

    const elsewhere = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: FAILURES_PREFIX,
      points: LIMITS.signInAccountFailures.points,
      duration: LIMITS.signInAccountFailures.duration,
    });
    const seen = await elsewhere.get(key);
    expect(seen?.consumedPoints, "the other instance should see the 3 failures").toBe(3);
    expect(await redis.get(`${FAILURES_PREFIX}:${key}`)).toBe("3");
    expect(await redis.pttl(`${FAILURES_PREFIX}:${key}`)).toBeGreaterThan(0);

    // And the other way round: what the other instance counts, this one sees.
    await elsewhere.consume(key, 1);
    expect(await count(LIMITS.signInAccountFailures, key)).toBe(4);
  });

  it("shares the lock itself: a fresh app instance finds the account locked", async () => {
    const lockout = await import("@/lib/auth/account-lockout");
    const key = accountKey();
    for (let i = 0; i < lockout.LOCKOUT_THRESHOLD; i++) await fail(key);
    const locked = await lockRemaining(key);
    expect(locked).toBeGreaterThan(0);
    expect(locked).toBeLessThanOrEqual(lockout.LOCKOUT_BASE_SECONDS);

    const lockElsewhere = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: LOCK_PREFIX,
      points: 1,
      duration: 15 * 60,
    });
    const lockRow = await lockElsewhere.get(key);
    expect(lockRow?.consumedPoints).toBeGreaterThan(1);
    expect(lockRow?.msBeforeNext).toBeGreaterThan(0);

    // A new module graph with its own Redis connection: no process memory is shared with the first.
    await forgetAppInstance();
    const fresh = await import("@/lib/auth/account-lockout");
    expect(fresh.beginAccountAttempt).not.toBe(lockout.beginAccountAttempt);
    const refused = await fresh.beginAccountAttempt(key);
    expect(refused.ok).toBe(false);
    const { count } = await import("@/lib/rate-limit/limiter");
    const { LIMITS } = await import("@/lib/rate-limit/limits");
    expect(await count(LIMITS.signInAccountFailures, key)).toBe(lockout.LOCKOUT_THRESHOLD);

    // Clearing on one instance clears it for all.
    await fresh.clearLockKey(key);
    expect(await lockRemaining(key)).toBe(0);
    expect(await redis.exists(`${FAILURES_PREFIX}:${key}`, `${LOCK_PREFIX}:${key}`)).toBe(0);
  });
});
