// The production HTTP server run by `npm start`: Next.js's request handler behind one decision
// Next cannot make itself, namely which client address the app may believe. Next fills in
// X-Forwarded-For from the socket only when the header is absent, so a client talking to the app
// directly could otherwise claim any address (and escape per-IP rate limits). With
// TRUST_PROXY_HOPS=0 (no reverse proxy, the default) forwarding headers from clients are dropped;
// behind N proxies that append to X-Forwarded-For, set TRUST_PROXY_HOPS=N.
import { createServer } from "node:http";
import next from "next";
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
  console.log(
    `▲ ${process.env.APP_NAME || "Opsdeck"} ready on http://localhost:${port} (trusted proxy hops: ${trustedHops})`,
  );
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
