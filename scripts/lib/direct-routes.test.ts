// The production server's direct route path (direct-routes.mjs) against a fake build: route
// matching as Next matches, and answers shaped as Next's sendResponse shapes them.
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDirectRouteHandler, matchDirectRoute, readDirectRoutes } from "@/scripts/lib/direct-routes.mjs";

const dist = mkdtempSync(path.join(os.tmpdir(), "direct-routes-"));
const routeFiles: Record<string, string> = {
  "/api/things": "app/api/things/route.js",
  "/api/things/export": "app/api/things/export/route.js",
  "/api/things/[id]": "app/api/things/[id]/route.js",
  "/api/auth/[...nextauth]": "app/api/auth/[...nextauth]/route.js",
};
// A built route module as Next emits it: routeModule.userland holds the route file's exports.
const handlers = `
const seen = globalThis.__directSeen ??= [];
const json = (data, init = {}) => { const headers = new Headers(init.headers); headers.set("content-type", "application/json"); return new Response(JSON.stringify(data), { ...init, headers }); };
module.exports.routeModule = { ensureUserland: async () => {}, userland: {
  GET: async (request, { params }) => {
    const p = await params;
    seen.push({ url: request.url, ip: request.headers.get("x-forwarded-for") });
    if (p.id === "stream") {
      let n = 0;
      return new Response(new ReadableStream({ async pull(c) { if (n++ < 3) c.enqueue(new TextEncoder().encode("data: " + n + "\\n\\n")); else { await new Promise((r) => request.signal.addEventListener("abort", r)); seen.push({ aborted: true }); c.close(); } } }), { headers: { "content-type": "text/event-stream", "cache-control": "no-cache, no-transform" } });
    }
    const headers = new Headers({ "x-frame-options": "SAMEORIGIN", "x-own": "1", "content-length": "999" });
    headers.append("set-cookie", "a=1; Path=/");
    headers.append("set-cookie", "b=2; Path=/");
    return json({ params: p, kind: FILE }, { headers });
  },
  POST: async (request) => json({ got: await request.json() }, { status: 201 }),
} };`;
const staticRoutes = [
  { page: "/api/things", regex: "^/api/things(?:/)?$" },
  { page: "/api/things/export", regex: "^/api/things/export(?:/)?$" },
];
const dynamicRoutes = [
  { page: "/api/auth/[...nextauth]", regex: "^/api/auth/(.+?)(?:/)?$" },
  { page: "/api/things/[id]", regex: "^/api/things/([^/]+?)(?:/)?$" },
];

let server: Server;
let base = "";
const fellThrough: string[] = [];

beforeAll(async () => {
  for (const [page, file] of Object.entries(routeFiles)) {
    mkdirSync(path.dirname(path.join(dist, "server", file)), { recursive: true });
    writeFileSync(path.join(dist, "server", file), `const FILE = ${JSON.stringify(page)};${handlers}`);
  }
  writeFileSync(
    path.join(dist, "server", "app-paths-manifest.json"),
    JSON.stringify(Object.fromEntries(Object.entries(routeFiles).map(([p, f]) => [`${p}/route`, f]))),
  );
  writeFileSync(
    path.join(dist, "routes-manifest.json"),
    JSON.stringify({
      caseSensitive: false,
      staticRoutes,
      dynamicRoutes,
      headers: [
        {
          source: "/:path*",
          regex: "^(?:/((?:[^/]+?)(?:/(?:[^/]+?))*))?(?:/)?$",
          headers: [{ key: "X-Frame-Options", value: "DENY" }],
        },
        {
          source: "/api/:path*",
          regex: "^/api(?:/((?:[^/]+?)(?:/(?:[^/]+?))*))?(?:/)?$",
          headers: [{ key: "Content-Security-Policy", value: "default-src 'none'" }],
        },
      ],
    }),
  );
  const direct = createDirectRouteHandler({ distDir: dist, hostname: "0.0.0.0", port: 3999 });
  server = createServer((req, res) => {
    if (direct(req, res)) return;
    fellThrough.push(`${req.method} ${req.url}`);
    res.statusCode = 299;
    res.end("next");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  // A route's first request loads its module while Next answers it.
  for (const p of ["/api/things", "/api/things/export", "/api/things/x"]) await fetch(base + p);
  await new Promise((resolve) => setTimeout(resolve, 50));
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("matchDirectRoute", () => {
  it("prefers static routes, decodes parameters and leaves Next what it would redirect or reject", () => {
    const { routes } = readDirectRoutes(dist);
    expect(matchDirectRoute(routes, "/api/things/export")?.params).toEqual({});
    expect(matchDirectRoute(routes, "/api/things/a-b_c")?.params).toEqual({ id: "a-b_c" });
    // Next normalises dot segments, percent-encoding and a raw "#" before matching: those go to Next.
    for (const p of [
      "/api/things/",
      "/api//things",
      "/api/things\\x",
      "/api/things/%E0%A4%A",
      "/api/things/%65xport",
      "/api/things/..",
      "/api/things/%2e%2e/x",
      "/api/things/./x",
      "/api/things/x#y",
      "/api/auth/session",
      "/things",
    ]) {
      expect(matchDirectRoute(routes, p)).toBeNull();
    }
  });
});

describe("createDirectRouteHandler", () => {
  it("answers a loaded route with config headers first, the handler's after, cookies kept apart", async () => {
    const res = await fetch(`${base}/api/things/42?x=1`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ params: { id: "42" }, kind: "/api/things/[id]" });
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("content-security-policy")).toBe("default-src 'none'");
    expect(res.headers.get("x-own")).toBe("1");
    expect(res.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    const seen = (globalThis as unknown as { __directSeen: { url: string; ip: string }[] }).__directSeen;
    // Request.url is built from the server's own hostname and port, as Next builds it; the client address is filled in.
    expect(seen.at(-1)).toEqual({ url: "http://0.0.0.0:3999/api/things/42?x=1", ip: "127.0.0.1" });
  });

  it("streams a request body in and passes methods the route lacks to Next", async () => {
    const res = await fetch(`${base}/api/things`, {
      method: "POST",
      body: JSON.stringify({ a: 1 }),
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ got: { a: 1 } });
    const before = fellThrough.length;
    expect((await fetch(`${base}/api/things`, { method: "DELETE" })).status).toBe(299);
    expect((await fetch(`${base}/api/things`, { method: "HEAD" })).status).toBe(299);
    expect((await fetch(`${base}/api/auth/session`)).status).toBe(299);
    expect((await fetch(`${base}/api/things`, { method: "PROPFIND" })).status).toBe(299);
    expect(fellThrough.length).toBe(before + 4);
  });

  it("gzips for clients that ask, and streams events as written, aborting when the client leaves", async () => {
    const gz = await fetch(`${base}/api/things/${"x".repeat(2000)}`, { headers: { "accept-encoding": "gzip" } });
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect((await gz.json()).params.id).toHaveLength(2000);

    const controller = new AbortController();
    const res = await fetch(`${base}/api/things/stream`, {
      signal: controller.signal,
      headers: { "accept-encoding": "gzip" },
    });
    const reader = res.body!.getReader();
    let text = "";
    while (!text.includes("data: 3")) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain("data: 1");
    controller.abort();
    const seen = (globalThis as unknown as { __directSeen: object[] }).__directSeen;
    for (let i = 0; i < 50 && !seen.some((s) => "aborted" in s); i++) await new Promise((r) => setTimeout(r, 20));
    expect(seen.some((s) => "aborted" in s)).toBe(true);
  });
});
