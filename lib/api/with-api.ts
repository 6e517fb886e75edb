// The one route-handler wrapper for /api: request id, context, the principal (API key or session)
// and the permission the handler declares, rate limits per IP and per principal with RateLimit-*
// headers on every answer (api-rate-limits.ts), Idempotency-Key on POST (idempotency.ts), JSON
// body parsing with a size cap (counted while the body streams in: read-limited-body.ts), If-Match
// versions, and every thrown error turned into problem+json (unexpected ones logged, never leaked).
//
//   export const GET = withApi(async (ctx) => json({ data: await listCustomers(ctx.actor, …) }),
//     { permission: "customers.read" });
//
// The DAL checks the permission again: the declaration here answers early and documents the route.
import "server-only";
import {
  AppError,
  busyErrorOf,
  ConflictError,
  ForbiddenError,
  RateLimitedError,
  UnauthenticatedError,
  ValidationError,
} from "@/lib/errors";
import { etagOf, expectedVersionFrom, notModified } from "@/lib/api/etag";
import { isKeyActor, resolvePrincipal, type ApiPrincipal } from "@/lib/api/resolve-principal";
import { actorContext } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/rbac/can";
import type { Permission } from "@/lib/rbac/permissions";
import { BodyError, decodeUtf8, readLimitedBody, readLimitedBytes } from "@/lib/api/read-limited-body";
import { randomUUID } from "node:crypto";
import { contextFromHeaders, type RequestContext } from "@/lib/http/request-context";
import { log } from "@/lib/log";
import { fieldErrorList, problem, problemResponse } from "@/lib/api/problem";
import { config } from "@/lib/config";
import { API_CSP } from "@/lib/http/csp";
import {
  apiLimitsFor,
  consumeApiLimit,
  setRateLimitHeaders,
  tightest,
  type ApiLimitState,
} from "@/lib/api/api-rate-limits";
import { idempotencyKeyOf, withIdempotency } from "@/lib/api/idempotency";

const MAX_BODY_BYTES = 64 * 1024;
/**
 * Cap on a body read up front for Idempotency-Key (above any handler's own: CSV imports take
 * 512 kB). JSON bodies still get MAX_BODY_BYTES; a handler reading the body itself applies its own.
 */
const MAX_IDEMPOTENT_BODY_BYTES = 2 * 1024 * 1024;

export type ApiContext = RequestContext & {
  request: Request;
  params: Record<string, string>;
  searchParams: URLSearchParams;
  /** The parsed JSON body; 400/413/415 problems for anything that is not a JSON value. */
  json(): Promise<unknown>;
  /** The record version If-Match names (undefined without one or for "*"); 412 when malformed. */
  expectedVersion(): number | undefined;
};

/** A handler that declared `permission` or `signedIn`: the principal is known and allowed. */
export type AuthedApiContext = ApiContext & { actor: ApiPrincipal };

export type ApiOptions = (
  | /** The principal must hold this permission: 401 without a principal, 403 without the permission. */
  { permission: Permission }
  /** Any signed-in principal (GET /api/v1/me). */
  | { signedIn: true }
) & {
  /**
   * A GET with a side effect (an export that is audited and streams a whole table): with cookies it
   * must come from this app's own pages, so another site cannot make a signed-in browser run it.
   */
  sameOriginReads?: boolean;
};

type RouteHandler = (request: Request, route?: { params?: Promise<Record<string, string>> }) => Promise<Response>;

export function json(data: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("Content-Type", "application/json");
  headers.set("Cache-Control", "no-store");
  // The proxy decorates /api responses today; set here too, so JSON answers keep it without the proxy.
  headers.set("Content-Security-Policy", API_CSP);
  return new Response(JSON.stringify(data), { ...init, headers });
}

/**
 * A record's JSON with its version as ETag; 304 (no body) when the request's If-None-Match already
 * names that version.
 */
export function jsonRecord(request: Request, data: unknown, version: number, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("ETag", etagOf(version));
  if (request.method === "GET" && notModified(request.headers, version)) {
    headers.set("Cache-Control", "no-store");
    return new Response(null, { status: 304, headers });
  }
  return json(data, { ...init, headers });
}

/** Parses the body as JSON; `preread` is the body when idempotency already had to read it. */
async function readJson(request: Request, preread?: Uint8Array): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(type)) {
    throw new BodyError("unsupported_media_type", 415, "Send the body as JSON with Content-Type: application/json.");
  }
  if (preread && preread.byteLength > MAX_BODY_BYTES) {
    throw new BodyError("payload_too_large", 413, `The body must be at most ${MAX_BODY_BYTES / 1024} kB.`);
  }
  const text = preread ? decodeUtf8(preread) : await readLimitedBody(request, MAX_BODY_BYTES);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BodyError("invalid_json", 400, "The body is not valid JSON.");
  }
  if (holdsNul(value)) throw new BodyError("nul_character", 400, NUL_REFUSAL);
  return value;
}

// PostgreSQL text cannot hold NUL: refused at the door rather than failing in the database (500).
const NUL_REFUSAL = "Text in a request cannot contain NUL characters (\\u0000).";

function holdsNul(value: unknown): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (Array.isArray(value)) return value.some(holdsNul);
  if (value && typeof value === "object") {
    return Object.entries(value).some(([k, v]) => k.includes("\u0000") || holdsNul(v));
  }
  return false;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cross-site request forgery guard. A state-changing request that carries cookies must come from
 * this app's own origin: browsers always send Origin on cross-site POSTs, so a foreign or "null"
 * Origin (or Sec-Fetch-Site: cross-site) is refused. Requests without cookies (API clients) are
 * not CSRF-able and pass.
 */
function assertSameOrigin(request: Request, sameOriginReads = false): void {
  // With Authorization the key authenticates, not the cookies; a cross-site form cannot set it.
  if (!request.headers.get("cookie") || request.headers.has("authorization")) return;
  if (SAFE_METHODS.has(request.method)) {
    // A link or redirect from another site is a top-level navigation that carries Lax cookies;
    // browsers mark it Sec-Fetch-Site: cross-site (or same-site from a sibling subdomain).
    const site = request.headers.get("sec-fetch-site");
    if (sameOriginReads && (site === "cross-site" || site === "same-site")) {
      throw new ForbiddenError("Open this download from the app's own pages.", "cross_site_request");
    }
    return;
  }
  const origin = request.headers.get("origin");
  const site = request.headers.get("sec-fetch-site");
  const allowed = new Set([new URL(config.appUrl).origin, new URL(request.url).origin]);
  if ((origin && !allowed.has(origin)) || site === "cross-site") {
    throw new ForbiddenError("Cross-site requests are not allowed.", "cross_site_request");
  }
}

async function authorize(request: Request, ip: string | null, options: ApiOptions): Promise<ApiPrincipal> {
  const principal = await resolvePrincipal(request, ip);
  if ("permission" in options) requirePermission(principal, options.permission);
  return principal;
}

/** The rate-limit and idempotency identity of a principal: its key, or the person for a session. */
function principalId(principal: ApiPrincipal): string {
  if (isKeyActor(principal)) return `key:${principal.apiKeyId}`;
  // An admin acting as someone is not that person: their stored answers and budgets stay apart.
  return principal.impersonatorId
    ? `user:${principal.userId}:as:${principal.impersonatorId}`
    : `user:${principal.userId}`;
}

/** Counts the request against a budget; 429 (reported with that budget's headers) when it is spent. */
async function countAgainst(
  spec: Parameters<typeof consumeApiLimit>[0],
  key: string,
  states: ApiLimitState[],
): Promise<void> {
  const state = await consumeApiLimit(spec, key);
  states.push(state);
  if (!state.allowed) {
    throw new RateLimitedError(
      state.resetSeconds,
      `Rate limit of ${state.limit} requests per ${state.windowSeconds} seconds reached. Retry in ${state.resetSeconds} s.`,
    );
  }
}

function errorResponse(error: unknown, request: Request, instance: string, requestId: string): Response {
  const busy = busyErrorOf(error);
  if (busy) {
    log.warn({ err: error, requestId, path: instance, method: request.method }, "database busy: answered 503");
    const response = problemResponse(problem(503, busy.code, busy.message), instance, requestId);
    response.headers.set("Retry-After", String(busy.retryAfterSeconds));
    return response;
  }
  if (error instanceof ValidationError || error instanceof ConflictError) {
    return problemResponse(
      problem(error.status, error.code, error.message, { errors: fieldErrorList(error.fieldErrors) }),
      instance,
      requestId,
    );
  }
  if (error instanceof RateLimitedError) {
    return problemResponse(
      problem(429, error.code, error.message, { retryAfterSeconds: error.retryAfterSeconds }),
      instance,
      requestId,
    );
  }
  if (error instanceof AppError) {
    const response = problemResponse(problem(error.status, error.code, error.message), instance, requestId);
    if (error instanceof UnauthenticatedError) response.headers.set("WWW-Authenticate", 'Bearer realm="api"');
    return response;
  }
  log.error({ err: error, requestId, path: instance, method: request.method }, "api handler failed");
  return problemResponse(
    problem(500, "internal_error", "An unexpected error occurred. Quote the request id if you contact support."),
    instance,
    requestId,
  );
}

export function withApi(handler: (ctx: ApiContext) => Promise<Response>): RouteHandler;
export function withApi(handler: (ctx: AuthedApiContext) => Promise<Response>, options: ApiOptions): RouteHandler;
export function withApi(
  handler: ((ctx: ApiContext) => Promise<Response>) | ((ctx: AuthedApiContext) => Promise<Response>),
  options?: ApiOptions,
): RouteHandler {
  return async (request, route = {}) => {
    // The id is always ours: /api/* is not behind proxy.ts (which replaces a client-sent one for pages).
    let context: RequestContext = { ...contextFromHeaders(request.headers), requestId: randomUUID() };
    const url = new URL(request.url);
    const instance = url.pathname;
    const limits = apiLimitsFor(request.method);
    const limitStates: ApiLimitState[] = [];
    let response: Response;
    try {
      // Without a known address (a request that did not come through the server, as in tests) there is no IP to count.
      if (context.ip) await countAgainst(limits.ip, context.ip, limitStates);
      assertSameOrigin(request, options?.sameOriginReads);
      const params = (await route.params) ?? {};
      if (Object.values(params).some((v) => v.includes("\u0000")) || url.search.toLowerCase().includes("%00")) {
        throw new BodyError("nul_character", 400, NUL_REFUSAL);
      }
      let actor: ApiPrincipal | undefined;
      if (options) {
        actor = await authorize(request, context.ip, options);
        context = { ...context, ...actorContext(actor) };
        await countAgainst(limits.principal, principalId(actor), limitStates);
      }
      const idempotencyKey = actor && request.method === "POST" ? idempotencyKeyOf(request.headers) : null;
      // Idempotency compares body bytes, so the body is read (size-capped) before the handler runs;
      // the handler gets a copy of the request carrying them (for handlers that read it themselves).
      const preread = idempotencyKey ? await readLimitedBytes(request, MAX_IDEMPOTENT_BODY_BYTES) : undefined;
      const handlerRequest = preread
        ? new Request(request.url, { method: request.method, headers: request.headers, body: new Uint8Array(preread) })
        : request;
      let bodyRead: Promise<unknown> | undefined;
      const ctx: ApiContext = {
        ...context,
        request: handlerRequest,
        params,
        searchParams: url.searchParams,
        json: () => (bodyRead ??= readJson(request, preread)),
        expectedVersion: () => expectedVersionFrom(request.headers),
      };
      const requestId = context.requestId;
      const run = async () => {
        try {
          return await (handler as (ctx: ApiContext & { actor?: ApiPrincipal }) => Promise<Response>)(
            actor ? { ...ctx, actor } : ctx,
          );
        } catch (error) {
          return errorResponse(error, request, instance, requestId);
        }
      };
      response =
        idempotencyKey && actor && preread !== undefined
          ? await withIdempotency(
              {
                principal: principalId(actor),
                key: idempotencyKey,
                method: request.method,
                path: url.pathname + url.search,
                ifMatch: request.headers.get("if-match"),
                body: preread,
              },
              run,
            )
          : await run();
    } catch (error) {
      response = errorResponse(error, request, instance, context.requestId);
    }
    response.headers.set("x-request-id", context.requestId);
    setRateLimitHeaders(response.headers, tightest(limitStates));
    return response;
  };
}
