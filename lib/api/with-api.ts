// The one route-handler wrapper for /api: request id, context, JSON body parsing with a size cap
// (counted while the body streams in: read-limited-body.ts), and every thrown error turned into
// problem+json (unexpected ones logged, never leaked).
import "server-only";
import { AppError, ConflictError, ForbiddenError, RateLimitedError, ValidationError } from "@/lib/errors";
import { BodyError, readLimitedBody } from "@/lib/api/read-limited-body";
import { randomUUID } from "node:crypto";
import { contextFromHeaders, type RequestContext } from "@/lib/http/request-context";
import { log } from "@/lib/log";
import { fieldErrorList, problem, problemResponse } from "@/lib/api/problem";
import { config } from "@/lib/config";
import { API_CSP } from "@/lib/http/csp";

const MAX_BODY_BYTES = 64 * 1024;

export type ApiContext = RequestContext & {
  request: Request;
  params: Record<string, string>;
  /** The parsed JSON body; 400/413/415 problems for anything that is not a JSON value. */
  json(): Promise<unknown>;
};

type Handler = (ctx: ApiContext) => Promise<Response>;

export function json(data: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("Content-Type", "application/json");
  headers.set("Cache-Control", "no-store");
  // The proxy decorates /api responses today; set here too, so JSON answers keep it without the proxy.
  headers.set("Content-Security-Policy", API_CSP);
  return new Response(JSON.stringify(data), { ...init, headers });
}

async function readJson(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(type)) {
    throw new BodyError("unsupported_media_type", 415, "Send the body as JSON with Content-Type: application/json.");
  }
  const text = await readLimitedBody(request, MAX_BODY_BYTES);
  try {
    return JSON.parse(text);
  } catch {
    throw new BodyError("invalid_json", 400, "The body is not valid JSON.");
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cross-site request forgery guard. A state-changing request that carries cookies must come from
 * this app's own origin: browsers always send Origin on cross-site POSTs, so a foreign or "null"
 * Origin (or Sec-Fetch-Site: cross-site) is refused. Requests without cookies (API clients) are
 * not CSRF-able and pass.
 */
function assertSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method) || !request.headers.get("cookie")) return;
  const origin = request.headers.get("origin");
  const site = request.headers.get("sec-fetch-site");
  const allowed = new Set([new URL(config.appUrl).origin, new URL(request.url).origin]);
  if ((origin && !allowed.has(origin)) || site === "cross-site") {
    throw new ForbiddenError("Cross-site requests are not allowed.", "cross_site_request");
  }
}

export function withApi(handler: Handler) {
  return async (request: Request, route: { params?: Promise<Record<string, string>> } = {}): Promise<Response> => {
    // The id is always ours: /api/* is not behind proxy.ts (which replaces a client-sent one for pages).
    const context = { ...contextFromHeaders(request.headers), requestId: randomUUID() };
    const instance = new URL(request.url).pathname;
    let bodyRead: Promise<unknown> | undefined;
    try {
      assertSameOrigin(request);
      const response = await handler({
        ...context,
        request,
        params: (await route.params) ?? {},
        json: () => (bodyRead ??= readJson(request)),
      });
      response.headers.set("x-request-id", context.requestId);
      return response;
    } catch (error) {
      if (error instanceof ValidationError || error instanceof ConflictError) {
        return problemResponse(
          problem(error.status, error.code, error.message, { errors: fieldErrorList(error.fieldErrors) }),
          instance,
          context.requestId,
        );
      }
      if (error instanceof RateLimitedError) {
        return problemResponse(
          problem(429, error.code, error.message, { retryAfterSeconds: error.retryAfterSeconds }),
          instance,
          context.requestId,
        );
      }
      if (error instanceof AppError) {
        return problemResponse(problem(error.status, error.code, error.message), instance, context.requestId);
      }
      log.error(
        { err: error, requestId: context.requestId, path: instance, method: request.method },
        "api handler failed",
      );
      return problemResponse(
        problem(500, "internal_error", "An unexpected error occurred. Quote the request id if you contact support."),
        instance,
        context.requestId,
      );
    }
  };
}
