// npm run bench:cookie: what reading the session cookie costs per request, in process: Auth.js's
// own decode (next-auth/jwt, HKDF on every call) against lib/auth/session-jwt.ts (key derived once
// per process). Same cookie value, same machine, same run; prints medians of 5 rounds.
import { performance } from "node:perf_hooks";
import { decode, encode } from "next-auth/jwt";

process.env.AUTH_SECRET ||= "bench-secret-bench-secret-bench-secret-0123456789";
process.env.AUTH_ENCRYPTION_KEY ||= Buffer.alloc(32, 7).toString("base64");
process.env.DATABASE_URL ||= "file:./data/bench-cookie-unused.db";
process.env.LOG_LEVEL = "silent";
const { readSessionJwt } = await import("@/lib/auth/session-jwt");

const SALT = "authjs.session-token";
const secret = process.env.AUTH_SECRET;
const value = await encode({ token: { sid: "a".repeat(43) }, secret, salt: SALT, maxAge: 3600 });
const CALLS = 2000;

async function perCallMicros(fn: () => Promise<unknown>): Promise<number> {
  const rounds: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    for (let i = 0; i < CALLS; i++) await fn();
    rounds.push(((performance.now() - t0) * 1000) / CALLS);
  }
  return rounds.sort((a, b) => a - b)[2]!;
}

const authjs = await perCallMicros(() => decode({ token: value, secret, salt: SALT }));
const ours = await perCallMicros(() => readSessionJwt(value, SALT));
console.log(`session cookie read, ${CALLS} calls x 5 rounds, median µs per call (Node ${process.version})`);
console.log(`  next-auth/jwt decode (HKDF per call)   ${authjs.toFixed(1)}`);
console.log(`  lib/auth/session-jwt (key derived once) ${ours.toFixed(1)}   ${(authjs / ours).toFixed(1)}x faster`);
