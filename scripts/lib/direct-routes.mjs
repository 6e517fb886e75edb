// Route handlers answered without Next.js's per-request machinery. Every `/api/*` route handler of
// this app is a plain `(Request, { params }) => Response` function (lib/api/with-api.ts); none reads
// Next's request scope (cookies(), headers(), after(), revalidate*, redirect()): their HTTP tests
// call them the same way, without Next (test/call-route.ts), and the e2e suite runs through here. Next's router still costs about 1.3 ms of CPU per request before the handler runs (an
// empty route handler answers ~700 req/s on 2 cores where raw node:http answers ~5,000), which is
// most of an API call's cost here. So the production server (scripts/serve.mjs) calls the built
// handlers itself: it matches the path against the build's own route table (routes-manifest.json,
// static routes before dynamic ones, as Next does), loads the built route module Next would load
// (the same module instance: one database pool, one role cache), and answers the way Next's
// sendResponse does: next.config.mjs headers first, then the handler's (not overriding them), gzip
// through Next's own compression middleware, streamed bodies, the request aborted when the client
// goes away.
//
// Anything it is not sure of goes to Next unchanged: paths that Next would redirect or normalise
// (trailing slash, `//`, `\`), catch-all routes (Auth.js), methods the route does not export (Next
// answers HEAD, OPTIONS and 405 itself), undecodable parameters, and DIRECT_ROUTES=0 turns it off.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Readable } from "node:stream";

const require = createRequire(import.meta.url);
const compression = require("next/dist/compiled/compression");

/** Headers a handler may set more than once (as Next's send-response.js allows). */
const MULTI_VALUE = new Set(["set-cookie", "www-authenticate", "proxy-authenticate", "vary"]);
/** Headers Next never copies from a handler's Response (node computes its own framing). */
const FORBIDDEN = new Set(["content-length", "content-encoding", "transfer-encoding"]);

/**
 * @typedef {{ pattern: RegExp, keys: string[], file: string, module?: Record<string, unknown>, loading?: Promise<void> }} DirectRoute
 * @typedef {{ route: DirectRoute, params: Record<string, string> }} RouteMatch
 */

/** The route table of a build: `/api/*` route handlers without catch-all segments. */
export function readDirectRoutes(distDir) {
  const manifest = JSON.parse(readFileSync(path.join(distDir, "routes-manifest.json"), "utf8"));
  const appPaths = JSON.parse(readFileSync(path.join(distDir, "server", "app-paths-manifest.json"), "utf8"));
  /** @type {DirectRoute[]} */
  const routes = [];
  // Static routes are tried before dynamic ones, and dynamic ones in the manifest's order (Next's).
  for (const entry of [...manifest.staticRoutes, ...manifest.dynamicRoutes]) {
    const page = entry.page;
    if (!page.startsWith("/api/") || page.includes("[...") || page.includes("[[")) continue;
    const file = appPaths[`${page}/route`];
    if (!file) continue;
    // The manifest's regex also accepts a trailing slash; such paths are left to Next (it redirects them).
    const source = entry.regex.replace(/\(\?:\/\)\?\$$/, "$");
    routes.push({
      pattern: new RegExp(source),
      keys: [...page.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]),
      file: path.resolve(distDir, "server", file),
    });
  }
  const headerRules = manifest.headers.map((rule) => ({
    pattern: new RegExp(rule.regex, manifest.caseSensitive ? "" : "i"),
    headers: rule.headers,
  }));
  return { routes, headerRules };
}

/** @returns {RouteMatch | null} */
export function matchDirectRoute(routes, pathname) {
  // Next normalises these (dot segments, percent-encoding of static segments, a raw "#") before it
  // matches; ids never need them, so Next answers them rather than this matching otherwise.
  if (!pathname.startsWith("/api/") || pathname.endsWith("/") || /\/\/|\\|[%#]|\/\.\.?(\/|$)/.test(pathname)) {
    return null;
  }
  for (const route of routes) {
    const found = route.pattern.exec(pathname);
    if (!found) continue;
    /** @type {Record<string, string>} */
    const params = {};
    try {
      route.keys.forEach((key, i) => (params[key] = decodeURIComponent(found[i + 1])));
    } catch {
      return null; // Next answers an undecodable parameter with 400
    }
    return { route, params };
  }
  return null;
}

/** The methods Next's route modules dispatch (others go to Next, which refuses them). */
const METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE"]);

/**
 * The handler a matched route exports for this method, or null (Next then answers). A route's
 * module loads on its first request, which Next answers meanwhile.
 */
function handlerFor(route, method) {
  if (!METHODS.has(method)) return null;
  if (!route.module) {
    route.loading ??= (async () => {
      const { routeModule } = require(route.file);
      await routeModule.ensureUserland();
      route.module = routeModule.userland;
    })().catch((error) => console.error("direct route: could not load", route.file, error));
    return null;
  }
  const handler = route.module[method];
  return typeof handler === "function" ? handler : null;
}

function toRequest(req, url, signal) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
    else headers.set(name, value);
  }
  const body = req.method === "GET" || req.method === "HEAD" ? null : Readable.toWeb(req);
  return new Request(url, { method: req.method, headers, body, duplex: "half", signal });
}

async function send(res, response, configHeaders) {
  res.statusCode = response.status;
  for (const { key, value } of configHeaders) res.setHeader(key, value);
  response.headers.forEach((value, name) => {
    if (FORBIDDEN.has(name)) return;
    // Headers iterates each Set-Cookie on its own.
    if (MULTI_VALUE.has(name) || res.getHeader(name) === undefined) {
      res.appendHeader(name, value);
    }
  });
  if (!response.body) return void res.end();
  const reader = response.body.getReader();
  res.once("close", () => reader.cancel().catch(() => {}));
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!res.write(value)) await new Promise((resolve) => res.once("drain", resolve).once("close", resolve));
    // A streamed answer (server-sent events) goes out as it is written, not when zlib's buffer fills.
    res.flush?.();
  }
  res.end();
}

/**
 * A request handler for node:http that answers the `/api/*` routes it can and returns false for
 * the rest (the caller hands those to Next). `origin` is the base of `Request.url`, built as Next
 * builds it: from the server's hostname and port, not from the Host header.
 */
export function createDirectRouteHandler({ distDir, hostname, port }) {
  const { routes, headerRules } = readDirectRoutes(distDir);
  const compress = compression();
  const host = hostname.includes(":") ? `[${hostname}]` : hostname;

  return function handleDirect(req, res) {
    const raw = req.url ?? "/";
    const queryAt = raw.indexOf("?");
    const pathname = queryAt === -1 ? raw : raw.slice(0, queryAt);
    const match = matchDirectRoute(routes, pathname);
    if (!match) return false;
    const handler = handlerFor(match.route, req.method ?? "GET");
    if (!handler) return false;

    const encrypted = Boolean(req.socket?.encrypted);
    const forwardedProto = req.headers["x-forwarded-proto"];
    const https = encrypted || String(forwardedProto ?? "").includes("https");
    // The x-forwarded-* headers Next fills in when absent (base-server.js), which the app reads.
    req.headers["x-forwarded-host"] ??= req.headers.host ?? hostname;
    req.headers["x-forwarded-port"] ??= String(port);
    req.headers["x-forwarded-proto"] ??= encrypted ? "https" : "http";
    req.headers["x-forwarded-for"] ??= req.socket?.remoteAddress;

    const aborted = new AbortController();
    res.once("close", () => {
      if (!res.writableFinished) aborted.abort();
    });
    const configHeaders = headerRules.filter((rule) => rule.pattern.test(pathname)).flatMap((rule) => rule.headers);
    compress(req, res, () => {});

    const url = `${https ? "https" : "http"}://${host}:${port}${raw}`;
    Promise.resolve()
      .then(() => handler(toRequest(req, url, aborted.signal), { params: Promise.resolve(match.params) }))
      .then((response) => send(res, response, configHeaders))
      .catch((error) => {
        if (aborted.signal.aborted) return;
        console.error("direct route failed", req.method, pathname, error);
        if (res.headersSent) return void res.destroy();
        res.statusCode = 500;
        res.setHeader("Content-Type", "application/problem+json");
        res.end(
          JSON.stringify({ type: "about:blank", title: "Internal Server Error", status: 500, code: "internal_error" }),
        );
      });
    return true;
  };
}
