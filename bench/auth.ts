// `npm run bench:auth`: how the sign-in path behaves under load, on this machine.
// Self-contained and bounded: starts the app the way `npm start` does (scripts/start.ts: migrate,
// seed, build if needed, serve) on 127.0.0.1:3240 with a fresh SQLite database and its own build
// folder (.next-bench), creates accounts through the public sign-up API, then measures
//   (a) sequential sign-in latency through the sign-in server action,
//   (b) /api/health latency alone and during a flood of successful sign-ins,
//   (c) /api/health latency during a flood of wrong-password sign-ins against one account
//       (account lockout answers most of them without a bcrypt comparison).
// Every loop is bounded in count and time; all traffic goes to 127.0.0.1; the server is stopped at
// the end, also on error or Ctrl-C (bench/lib/app-server.ts).
import os from "node:os";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { LIMITS } from "@/lib/rate-limit/limits";
import { workerCount } from "../scripts/lib/cluster-primary.mjs";
import { startApp, type AppServer } from "./lib/app-server";
import {
  BENCH_PASSWORD as PASSWORD,
  percentile,
  printTable as printAligned,
  signIn as signInAs,
  signUp as signUpAt,
  USER_AGENT,
  type Attempt,
  type Outcome,
} from "./lib/client";

const PORT = 3240;
const DIST_DIR = ".next-bench";
const RUN_BUDGET_MS = 240_000;
const REQUEST_TIMEOUT_MS = 60_000;

const SEQUENTIAL_SIGN_INS = 100;
const SEQUENTIAL_SIGN_IN_BUDGET_MS = 120_000;
const HEALTH_ALONE_COUNT = 2000;
const HEALTH_ALONE_BUDGET_MS = 30_000;
const FLOOD_WORKERS = 16;
const FLOOD_MS = 20_000;
const FLOOD_MAX_ATTEMPTS_PER_WORKER = 5000;
const HEALTH_SAMPLE_INTERVAL_MS = 200;
const ACCOUNTS = 8;

let app = null as AppServer | null;
let BASE = "";
const signUp = (index: number, username: string) => signUpAt(BASE, index, username);
const signIn = (identifier: string, password: string, ip: string) =>
  signInAs({ base: BASE, distDir: DIST_DIR }, identifier, password, ip);

// ---------------------------------------------------------------------------------------------
// HTTP helpers

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t0 };
}

async function health(): Promise<number> {
  const { value: status, ms } = await timed(async () => {
    const res = await fetch(`${BASE}/api/health`, {
      headers: { "user-agent": USER_AGENT },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    await res.arrayBuffer();
    return res.status;
  });
  if (status !== 200) throw new Error(`/api/health answered ${status}`);
  return ms;
}

// ---------------------------------------------------------------------------------------------
// Statistics and printing

type Row = { name: string; samples: number[]; note?: string };

function fmt(ms: number): string {
  if (Number.isNaN(ms)) return "-";
  return ms >= 100 ? ms.toFixed(0) : ms.toFixed(1);
}

function printTable(rows: Row[]): void {
  const header = ["measurement", "n", "p50 ms", "p95 ms", "p99 ms", "max ms", "notes"];
  const lines = rows.map((r) => {
    const s = [...r.samples].sort((a, b) => a - b);
    return [
      r.name,
      String(s.length),
      fmt(percentile(s, 50)),
      fmt(percentile(s, 95)),
      fmt(percentile(s, 99)),
      fmt(s.at(-1) ?? NaN),
      r.note ?? "",
    ];
  });
  printAligned(header, lines);
}

// ---------------------------------------------------------------------------------------------
// Measurements

/** Sequential /api/health requests until `count` or `until`, whichever comes first. */
async function healthLoop(count: number, until: number): Promise<number[]> {
  const samples: number[] = [];
  while (samples.length < count && performance.now() < until) samples.push(await health());
  return samples;
}

type FloodResult = { attempts: Attempt[]; elapsedMs: number; health: number[]; healthFailed: number };

/**
 * /api/health sampled open-loop: one request every `HEALTH_SAMPLE_INTERVAL_MS` whatever the previous
 * one is doing, so a stalled server shows up as slow samples instead of as fewer samples.
 */
async function healthSampler(until: number): Promise<{ samples: number[]; failed: number }> {
  const pending: Promise<number>[] = [];
  while (performance.now() < until && pending.length < 1000) {
    pending.push(health().catch(() => NaN));
    await sleep(HEALTH_SAMPLE_INTERVAL_MS);
  }
  const all = await Promise.all(pending);
  const samples = all.filter((ms) => !Number.isNaN(ms));
  return { samples, failed: all.length - samples.length };
}

/**
 * `FLOOD_WORKERS` workers sign in back to back for `FLOOD_MS` (no new attempt starts after that;
 * those under way finish) while /api/health is sampled over the same window.
 */
async function flood(attempt: (worker: number, n: number) => Promise<Attempt>): Promise<FloodResult> {
  const t0 = performance.now();
  const stopAt = t0 + FLOOD_MS;
  const attempts: Attempt[] = [];
  const workers = Array.from({ length: FLOOD_WORKERS }, async (_, w) => {
    for (let n = 0; n < FLOOD_MAX_ATTEMPTS_PER_WORKER && performance.now() < stopAt; n++) {
      attempts.push(await attempt(w, n));
    }
  });
  const sampler = healthSampler(stopAt);
  await Promise.all(workers);
  const elapsedMs = performance.now() - t0;
  const { samples, failed } = await sampler;
  return { attempts, elapsedMs, health: samples, healthFailed: failed };
}

function count(attempts: Attempt[], outcome: Outcome): number {
  return attempts.filter((a) => a.outcome === outcome).length;
}

async function main(): Promise<void> {
  const startedAt = new Date();
  console.log(
    `Opsdeck auth benchmark: starting the app on 127.0.0.1:${PORT} (fresh SQLite database, build folder ${DIST_DIR})`,
  );
  app = await startApp({ port: PORT, distDir: DIST_DIR, env: { BCRYPT_COST: process.env.BCRYPT_COST || "12" } });
  BASE = app.base;
  const readyMs = app.readyMs;
  console.log(`server ready after ${(readyMs / 1000).toFixed(1)} s (including migrate, seed and any build)\n`);

  const budget = setTimeout(() => {
    console.error(`\nThe bench exceeded its ${RUN_BUDGET_MS / 1000} s budget: stopping.`);
    process.exit(1);
  }, RUN_BUDGET_MS);

  // Accounts: ACCOUNTS for successful sign-ins, one more to be attacked with wrong passwords.
  const setup = performance.now();
  const usernames = Array.from({ length: ACCOUNTS }, (_, i) => `bench${String(i + 1).padStart(2, "0")}`);
  const victim = "benchvictim";
  for (const [i, name] of [...usernames, victim].entries()) await signUp(i, name);
  console.log(
    `created ${usernames.length + 1} accounts through POST /api/v1/auth/sign-up in ${((performance.now() - setup) / 1000).toFixed(1)} s`,
  );

  // Check the protocol once: a good password gives a session cookie that opens the dashboard, a
  // wrong one answers invalid_credentials.
  const good = await signIn(usernames[0]!, PASSWORD, "10.67.0.1");
  if (good.outcome !== "ok" || !good.sessionCookie)
    throw new Error(`a correct sign-in was not accepted: ${good.outcome} ${good.detail}`);
  const dashboard = await fetch(`${BASE}/dashboard`, {
    redirect: "manual",
    headers: { cookie: good.sessionCookie },
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  await dashboard.arrayBuffer();
  if (dashboard.status !== 200) throw new Error(`the new session did not open /dashboard (status ${dashboard.status})`);
  const bad = await signIn(usernames[1]!, "not the password at all", "10.67.0.2");
  if (bad.outcome !== "invalid")
    throw new Error(`a wrong password did not give invalid_credentials: ${bad.outcome} ${bad.detail}`);
  console.log(
    "protocol check: 200 + authjs.session-token on success (session opens /dashboard), code invalid_credentials on a wrong password",
  );
  await healthLoop(50, performance.now() + 10_000); // warm-up

  // (a) Sequential successful sign-ins.
  const seqPost: number[] = [];
  const seqUntil = performance.now() + SEQUENTIAL_SIGN_IN_BUDGET_MS;
  for (let i = 0; i < SEQUENTIAL_SIGN_INS && performance.now() < seqUntil; i++) {
    const ip = `10.68.0.${(i % ACCOUNTS) + 1}`;
    const result = await signIn(usernames[i % ACCOUNTS]!, PASSWORD, ip);
    if (result.outcome !== "ok")
      throw new Error(`sequential sign-in ${i + 1} failed: ${result.outcome} ${result.detail}`);
    seqPost.push(result.ms);
  }

  // (b) /api/health alone, then during a flood of successful sign-ins.
  const healthAlone = await healthLoop(HEALTH_ALONE_COUNT, performance.now() + HEALTH_ALONE_BUDGET_MS);
  const okFlood = await flood((w) => signIn(usernames[w % ACCOUNTS]!, PASSWORD, `10.69.0.${w + 1}`));
  const okCount = count(okFlood.attempts, "ok");

  // (c) Wrong passwords against one account, each attempt from its own address so that only the
  // per-account ceiling for untrusted sources (not the per-IP or per-source lockout) is at work.
  const badFlood = await flood((w, n) =>
    signIn(victim, "wrong password guess 1234", `10.${71 + (n >> 8)}.${w}.${n & 255}`),
  );
  const checked = badFlood.attempts.filter((a) => a.outcome === "invalid");
  const throttled = badFlood.attempts.filter((a) => a.outcome === "throttled");
  const unexpected = [
    ...okFlood.attempts.filter((a) => a.outcome !== "ok"),
    ...badFlood.attempts.filter((a) => a.outcome === "ok" || a.outcome === "other"),
  ];
  clearTimeout(budget);

  const cpu = os.cpus();
  console.log(`\n=== Opsdeck auth benchmark, ${startedAt.toISOString().slice(0, 16).replace("T", " ")} UTC ===`);
  console.log(
    `machine: ${cpu.length} cores (${cpu[0]?.model.trim() ?? "unknown CPU"}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ` +
      `Node ${process.version}, ${os.platform()} ${os.arch()}`,
  );
  console.log(
    `app: npm start server (production build), ${workerCount()} worker process(es), SQLite, in-memory rate limits, TRUST_PROXY_HOPS=1, BCRYPT_COST=${process.env.BCRYPT_COST || "12"} (bcryptjs)`,
  );
  console.log(
    `flood: ${FLOOD_WORKERS} concurrent sign-in workers for ${FLOOD_MS / 1000} s, /api/health sampled every ${HEALTH_SAMPLE_INTERVAL_MS} ms meanwhile (open loop)\n`,
  );
  printTable([
    { name: "(a) sign-in, sequential", samples: seqPost, note: "sign-in server action, good password" },
    { name: "(b) /api/health alone", samples: healthAlone, note: "sequential" },
    {
      name: "(b) /api/health, sign-in flood",
      samples: okFlood.health,
      note: `while ${FLOOD_WORKERS} workers sign in${okFlood.healthFailed ? `; ${okFlood.healthFailed} failed` : ""}`,
    },
    {
      name: "(b) sign-in POST under flood",
      samples: okFlood.attempts.filter((a) => a.outcome === "ok").map((a) => a.ms),
      note: `${okCount} ok in ${(okFlood.elapsedMs / 1000).toFixed(1)} s = ${(okCount / (okFlood.elapsedMs / 1000)).toFixed(2)} sign-ins/s`,
    },
    {
      name: "(c) /api/health, wrong-pw flood",
      samples: badFlood.health,
      note: `while ${FLOOD_WORKERS} workers guess one account${badFlood.healthFailed ? `; ${badFlood.healthFailed} failed` : ""}`,
    },
    {
      name: "(c) wrong-pw flood, all",
      samples: badFlood.attempts.map((a) => a.ms),
      note: `${(badFlood.attempts.length / (badFlood.elapsedMs / 1000)).toFixed(0)} attempts/s`,
    },
    {
      name: "(c)   refused: throttled",
      samples: throttled.map((a) => a.ms),
      note: "refused by the lockout, no bcrypt",
    },
    { name: "(c)   checked: invalid", samples: checked.map((a) => a.ms), note: "bcrypt comparison ran" },
  ]);
  console.log(
    `\n(c) ${badFlood.attempts.length} wrong-password attempts on one account: ${throttled.length} refused as throttled, ` +
      `${checked.length} checked with bcrypt, ${count(badFlood.attempts, "ok")} accepted, ${count(badFlood.attempts, "other")} other` +
      ` (every attempt comes from a new address, so what stops them is the account's ceiling for untrusted sources:` +
      ` ${LIMITS.signInAccountUntrusted.points} checks an hour).`,
  );
  if (unexpected.length) {
    console.log(
      `unexpected answers: ${unexpected.length}, e.g. ${unexpected
        .slice(0, 3)
        .map((a) => `${a.outcome} ${a.detail}`)
        .join("; ")}`,
    );
  }
  const warnings = app.log.filter((l) => /"level":(40|50|60)|error/i.test(l));
  if (warnings.length)
    console.log(
      `server logged ${warnings.length} warning/error lines during the run; last: ${warnings.at(-1)?.slice(0, 300)}`,
    );
}

try {
  await main();
} catch (error) {
  console.error(`\nbench failed: ${error instanceof Error ? error.message : String(error)}`);
  if (app?.log.length) console.error(`last server output:\n${app.log.slice(-30).join("\n")}`);
  process.exitCode = 1;
} finally {
  await app?.stop();
}
