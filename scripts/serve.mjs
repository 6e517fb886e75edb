// The production HTTP server run by `npm start`: Next.js's request handler behind one decision
// Next cannot make itself, namely which client address the app may believe. Next fills in
// X-Forwarded-For from the socket only when the header is absent, so a client talking to the app
// directly could otherwise claim any address (and escape per-IP rate limits). With
// TRUST_PROXY_HOPS=0 (no reverse proxy, the default) forwarding headers from clients are dropped;
// behind N proxies that append to X-Forwarded-For, set TRUST_PROXY_HOPS=N.
//
// With WEB_CONCURRENCY above 1 (default: one per CPU, up to 4) this process is the primary of a
// node:cluster and the workers run the server below (scripts/lib/cluster-primary.mjs).
import cluster from "node:cluster";
import { createServer } from "node:http";
import { runPrimary, workerCount } from "./lib/cluster-primary.mjs";
import { createDirectRouteHandler } from "./lib/direct-routes.mjs";

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOST || "0.0.0.0";
const trustedHops = Number(process.env.TRUST_PROXY_HOPS || 0);
const FORWARDING = [
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "x-real-ip",
  "forwarded",
];

const workers = workerCount();
const ready = (detail) =>
  console.log(
    `▲ ${process.env.APP_NAME || "Opsdeck"} ready on http://localhost:${port} (${detail}trusted proxy hops: ${trustedHops})`,
  );

if (cluster.isPrimary && workers > 1) {
  runPrimary(workers, () => ready(`${workers} workers, `));
} else {
  await serve();
}

async function serve() {
  // Loaded here, not at the top: a cluster's primary serves nothing and need not hold Next (~100 MB).
  const { default: next } = await import("next");
  const app = next({ dev: false, hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  // /api/* route handlers called without Next's router (scripts/lib/direct-routes.mjs); DIRECT_ROUTES=0 turns it off.
  const direct =
    process.env.DIRECT_ROUTES === "0"
      ? null
      : createDirectRouteHandler({ distDir: process.env.NEXT_DIST_DIR || ".next", hostname, port });

  const server = createServer((req, res) => {
    if (trustedHops === 0) for (const name of FORWARDING) delete req.headers[name];
    if (direct?.(req, res)) return;
    handle(req, res);
  });
  server.listen(port, hostname, () => {
    if (cluster.isPrimary) ready("");
  });
  // Stop taking connections and finish open requests; long-lived ones (board event streams, which
  // reconnect by themselves) are cut after 5 s. (A worker whose primary died is stopped by Node.)
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      server.close(() => process.exit(0));
      server.closeIdleConnections();
      setTimeout(() => server.closeAllConnections(), 5_000).unref();
    });
  }
}
