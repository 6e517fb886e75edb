// Rate limits of the public API (withApi), per client IP and per principal (API key, or the
// signed-in person for session calls), with separate budgets for reads (GET/HEAD/OPTIONS) and
// writes. The IP budget is counted before authentication, so guessing keys is throttled too; the
// principal budget after it. Counters go through lib/rate-limit/limiter.ts (memory, or Redis when
// REDIS_URL is set, shared by every instance).
//
// Every answer reports the tightest budget that applied in draft-ietf-httpapi-ratelimit-headers
// form: RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset (seconds until the window ends) and
// RateLimit-Policy ("<limit>;w=<window seconds>"). Over budget: 429 with Retry-After.
// API_RATE_LIMIT_MULTIPLIER scales every budget (a load test sets it high).
import "server-only";
import { RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { limiterFor, rethrowLimiterFailure, type LimitSpec } from "@/lib/rate-limit/limiter";
import { normaliseLimitKey } from "@/lib/rate-limit/normalise-limit-key";

const MINUTE = 60;
const scaled = (points: number) => Math.max(1, Math.round(points * env.API_RATE_LIMIT_MULTIPLIER));

export const API_LIMITS = {
  /** Reads by one API key or person: 600 a minute. */
  principalRead: { name: "api-principal-read", points: scaled(600), duration: MINUTE },
  /** Writes (POST/PATCH/PUT/DELETE) by one API key or person: 120 a minute. */
  principalWrite: { name: "api-principal-write", points: scaled(120), duration: MINUTE },
  /** Reads from one client IP (IPv6 by /64), whoever authenticates: several keys behind one address share it. */
  ipRead: { name: "api-ip-read", points: scaled(1200), duration: MINUTE },
  /** Writes from one client IP: 300 a minute. */
  ipWrite: { name: "api-ip-write", points: scaled(300), duration: MINUTE },
} as const satisfies Record<string, LimitSpec>;

export type ApiLimitState = {
  limit: number;
  remaining: number;
  resetSeconds: number;
  windowSeconds: number;
  allowed: boolean;
};

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isReadMethod(method: string): boolean {
  return READ_METHODS.has(method.toUpperCase());
}

/** Which budgets a request of this method counts against. */
export function apiLimitsFor(method: string): { ip: LimitSpec; principal: LimitSpec } {
  return isReadMethod(method)
    ? { ip: API_LIMITS.ipRead, principal: API_LIMITS.principalRead }
    : { ip: API_LIMITS.ipWrite, principal: API_LIMITS.principalWrite };
}

function stateOf(spec: LimitSpec, res: RateLimiterRes, allowed: boolean): ApiLimitState {
  return {
    limit: spec.points,
    remaining: allowed ? Math.max(0, res.remainingPoints) : 0,
    resetSeconds: Math.max(allowed ? 0 : 1, Math.ceil(res.msBeforeNext / 1000)),
    windowSeconds: spec.duration,
    allowed,
  };
}

/** Counts one request against `key` under `spec` (atomically) and reports the budget left. */
export async function consumeApiLimit(spec: LimitSpec, key: string): Promise<ApiLimitState> {
  try {
    return stateOf(spec, await limiterFor(spec).consume(normaliseLimitKey(key), 1), true);
  } catch (error) {
    if (error instanceof RateLimiterRes) return stateOf(spec, error, false);
    return rethrowLimiterFailure(error);
  }
}

/** The budget to report: a refused one, else the one with the fewest requests left. */
export function tightest(states: readonly (ApiLimitState | undefined)[]): ApiLimitState | undefined {
  let pick: ApiLimitState | undefined;
  for (const state of states) {
    if (!state) continue;
    if (
      !pick ||
      (!state.allowed && pick.allowed) ||
      (state.allowed === pick.allowed && state.remaining < pick.remaining)
    ) {
      pick = state;
    }
  }
  return pick;
}

export function setRateLimitHeaders(headers: Headers, state: ApiLimitState | undefined): void {
  if (!state) return;
  headers.set("RateLimit-Limit", String(state.limit));
  headers.set("RateLimit-Remaining", String(state.remaining));
  headers.set("RateLimit-Reset", String(state.resetSeconds));
  headers.set("RateLimit-Policy", `${state.limit};w=${state.windowSeconds}`);
}
