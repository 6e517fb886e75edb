// Rate limiting with rate-limiter-flexible. Counters live in Redis when REDIS_URL is set, so that
// several app instances share them; else in memory: the cluster primary's under `npm start`
// (RateLimiterCluster asks it over IPC, so every worker counts against the same budget), or this
// process's. If Redis is unreachable the memory limiter stands in (insurance) rather than letting
// every request through. Every key goes through normaliseLimitKey, so per-IP limits count an IPv6
// client by its /64 wherever they are called from.
import "server-only";
import Redis from "ioredis";
import {
  RateLimiterCluster,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { inClusterWorker } from "@/lib/cluster";
import { ServiceBusyError } from "@/lib/errors";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { normaliseLimitKey } from "@/lib/rate-limit/normalise-limit-key";

export type LimitSpec = {
  /** Unique name; becomes the key prefix in the store. */
  name: string;
  /** Hits allowed per window. */
  points: number;
  /** Window length in seconds. */
  duration: number;
  /** Once exceeded, refuse for this long (seconds) instead of until the window ends. */
  blockDuration?: number;
};

export type LimitResult =
  | { allowed: true; remaining: number; consumed: number }
  | { allowed: false; retryAfterSeconds: number };

const globalForRedis = globalThis as unknown as { opsdeckRedis?: Redis };

export function redisClient(): Redis | null {
  if (!env.REDIS_URL) return null;
  if (!globalForRedis.opsdeckRedis) {
    const client = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 1, connectTimeout: 2000 });
    client.on("error", (err) => log.warn({ err: err.message }, "redis error"));
    globalForRedis.opsdeckRedis = client;
  }
  return globalForRedis.opsdeckRedis;
}

const limiters = new Map<string, RateLimiterAbstract>();

export function limiterFor(spec: LimitSpec): RateLimiterAbstract {
  let limiter = limiters.get(spec.name);
  if (limiter) return limiter;
  const options = {
    keyPrefix: `opsdeck:rl:${spec.name}`,
    points: spec.points,
    duration: spec.duration,
    blockDuration: spec.blockDuration ?? 0,
  };
  const memory = inClusterWorker()
    ? new RateLimiterCluster({ ...options, timeoutMs: 3000 })
    : new RateLimiterMemory(options);
  const redis = redisClient();
  limiter = redis ? new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: memory }) : memory;
  limiters.set(spec.name, limiter);
  return limiter;
}

function retryAfter(res: RateLimiterRes): number {
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}

/**
 * The cluster primary did not answer in time (a stalled worker or primary): refuse with a 503
 * rather than a 500, and never let the request through uncounted.
 */
export function rethrowLimiterFailure(error: unknown): never {
  if (error instanceof Error && /^RateLimiterCluster timeout/.test(error.message)) {
    throw new ServiceBusyError(
      "Rate limits could not be checked just now. Nothing was changed; try again in a moment.",
    );
  }
  throw error;
}

/**
 * Counts one hit against `key`, atomically. Guards count FIRST and only then do the work, so that
 * concurrent requests cannot all pass a check made before any of them was counted.
 */
export async function hit(spec: LimitSpec, key: string, points = 1): Promise<LimitResult> {
  try {
    const res = await limiterFor(spec).consume(normaliseLimitKey(key), points);
    return { allowed: true, remaining: res.remainingPoints, consumed: res.consumedPoints };
  } catch (error) {
    if (error instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: retryAfter(error) };
    return rethrowLimiterFailure(error);
  }
}

/** Whether another hit on `key` would be refused, without counting one. */
export async function peek(spec: LimitSpec, key: string): Promise<LimitResult> {
  const res = await limiterFor(spec).get(normaliseLimitKey(key)).catch(rethrowLimiterFailure);
  if (res && res.consumedPoints >= spec.points) return { allowed: false, retryAfterSeconds: retryAfter(res) };
  const consumed = res?.consumedPoints ?? 0;
  return { allowed: true, remaining: Math.max(0, spec.points - consumed), consumed };
}

/** Current hit count of `key` in its window. */
export async function count(spec: LimitSpec, key: string): Promise<number> {
  return (await limiterFor(spec).get(normaliseLimitKey(key)).catch(rethrowLimiterFailure))?.consumedPoints ?? 0;
}

/** Blocks `key` for `seconds`. */
export async function block(spec: LimitSpec, key: string, seconds: number): Promise<void> {
  await limiterFor(spec).block(normaliseLimitKey(key), seconds).catch(rethrowLimiterFailure);
}

/** Gives back points (an attempt that turned out not to count). */
export async function refund(spec: LimitSpec, key: string, points = 1): Promise<void> {
  await limiterFor(spec).reward(normaliseLimitKey(key), points).catch(rethrowLimiterFailure);
}

export async function reset(spec: LimitSpec, key: string): Promise<void> {
  await limiterFor(spec).delete(normaliseLimitKey(key)).catch(rethrowLimiterFailure);
}
