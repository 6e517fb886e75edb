// `npm run bench:auth`: how the sign-in path behaves under load, on this machine.
// Self-contained and bounded: starts the app the way `npm start` does (scripts/start.ts: migrate,
// seed, build if needed, serve) on 127.0.0.1:3240 with a fresh SQLite database and its own build
// folder (.next-bench), creates accounts through the public sign-up API, then measures
//   (a) sequential sign-in latency through Auth.js's credentials endpoint,
//   (b) /api/health latency alone and during a flood of successful sign-ins,
//   (c) /api/health latency during a flood of wrong-password sign-ins against one account
//       (account lockout answers most of them without a bcrypt comparison).
// Every loop is bounded in count and time; all traffic goes to 127.0.0.1; the server is stopped at
// the end, also on error or Ctrl-C. Only Node built-ins are used.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { LIMITS } from "@/lib/rate-limit/limits";

const PORT = 3240;
const BASE = `http://127.0.0.1:${PORT}`;
const DATABASE_URL = `file:./data/bench-${PORT}.db`;
const DIST_DIR = ".next-bench";
const PASSWORD = "violet harbor engine 4471";
const ADMIN = { username: "benchadmin", email: "admin@bench.opsdeck.test", password: "Bench admin password 2026!" };

/** Startup may include a full `next build` on 2 cores; everything after that has its own budget. */
const START_TIMEOUT_MS = Number(process.env.BENCH_START_TIMEOUT_S ?? 600) * 1000;
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

// ---------------------------------------------------------------------------------------------
// Server lifecycle

let server: ChildProcess | null = null;
const serverLog: string[] = [];
let serverReady = false;

/** Signals the server's whole process group (tsx → scripts/start.ts → scripts/serve.mjs). */
function signalServer(signal: NodeJS.Signals): void {
  const pid = server?.pid;
  if (!pid || server?.exitCode !== null) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

function stopServer(): void {
  signalServer("SIGTERM");
  server = null;
}

/** SIGTERM, then SIGKILL if the group has not exited within 8 s. */
async function stopServerAndWait(): Promise<void> {
  const child = server;
  if (!child?.pid || child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  signalServer("SIGTERM");
  const gone = await Promise.race([exited.then(() => true), sleep(8000).then(() => false)]);
  if (!gone) signalServer("SIGKILL");
  // The Next.js server may outlive tsx for a moment; make sure nothing of the group is left.
  await sleep(500);
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    // the group is gone
  }
  server = null;
}

process.on("exit", stopServer);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the bench server`);
    stopServer();
    process.exit(130);
  });
}

async function startServer(): Promise<number> {
  const file = DATABASE_URL.replace(/^file:/, "");
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(PORT),
    APP_URL: `http://localhost:${PORT}`,
    DATABASE_URL,
    NEXT_DIST_DIR: DIST_DIR,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_USERNAME: ADMIN.username,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: "warn",
    // Listen on loopback only, and believe X-Forwarded-For as if one reverse proxy were in front:
    // that is how the bench plays many clients (sign-ups are limited per client IP).
    HOST: "127.0.0.1",
    TRUST_PROXY_HOPS: "1",
    BCRYPT_COST: process.env.BCRYPT_COST || "12",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  // Process-local limits and the outbox only: a benchmark must not share Redis counters or send mail.
  for (const key of ["REDIS_URL", "RESEND_API_KEY", "RESEND_BASE_URL"]) delete env[key];

  const started = performance.now();
  const child = spawn("node_modules/.bin/tsx", ["--conditions", "react-server", "scripts/start.ts"], {
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  server = child;
  const onData = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (!line.trim()) continue;
      serverLog.push(line);
      if (serverLog.length > 200) serverLog.shift();
      if (!serverReady) console.log(`  server | ${line}`);
    }
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  let exited: number | null = null;
  child.on("exit", (code) => {
    exited = code ?? 1;
  });

  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`the server exited with code ${exited} before it was ready`);
    try {
      const res = await fetch(`${BASE}/api/health`, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status === 200) {
        serverReady = true;
        return performance.now() - started;
      }
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  throw new Error(`the server did not answer /api/health within ${START_TIMEOUT_MS / 1000} s`);
}

// ---------------------------------------------------------------------------------------------
// HTTP helpers

const USER_AGENT = "opsdeck-bench/1";

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

async function signUp(index: number, username: string): Promise<void> {
  const res = await fetch(`${BASE}/api/v1/auth/sign-up`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "user-agent": USER_AGENT,
      // Sign-ups are limited to 10 per hour per client IP (the right-most X-Forwarded-For entry).
      "x-forwarded-for": `10.66.0.${index + 1}`,
    },
    body: JSON.stringify({
      username,
      email: `${username}@bench.opsdeck.test`,
      firstName: "Bench",
      lastName: `Account ${index + 1}`,
      dateOfBirth: "1990-05-17",
      password: PASSWORD,
      confirmPassword: PASSWORD,
    }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const body = await res.text();
  if (res.status !== 201) throw new Error(`sign-up of ${username} answered ${res.status}: ${body.slice(0, 300)}`);
}

/**
 * The id Next.js gave the sign-in server action in this build. Auth.js's HTTP endpoints are not
 * mounted (sign-in runs only in the server action), so the bench posts to the action as the
 * sign-in form does.
 */
function signInActionId(): string {
  const manifest = JSON.parse(readFileSync(path.join(DIST_DIR, "server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const entry = Object.entries(manifest.node).find(
    ([, v]) => v.exportedName === "signInAction" && v.filename?.endsWith("lib/actions/auth/sign-in.ts"),
  );
  if (!entry) throw new Error(`signInAction not found in ${DIST_DIR}/server/server-reference-manifest.json`);
  return entry[0];
}

type Outcome = "ok" | "invalid" | "throttled" | "other";
type Attempt = { outcome: Outcome; ms: number; detail: string; sessionCookie?: string };

let actionId = "";

/** One POST of the sign-in server action; success is a 200 that sets the session cookie. */
async function signIn(identifier: string, password: string, ip: string): Promise<Attempt> {
  actionId ||= signInActionId();
  const t0 = performance.now();
  const res = await fetch(`${BASE}/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "next-action": actionId,
      origin: BASE,
      accept: "text/x-component",
      "content-type": "text/plain;charset=UTF-8",
      "user-agent": USER_AGENT,
      "x-forwarded-for": ip,
    },
    body: JSON.stringify([{ identifier, password, remember: false }, "$undefined"]),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const body = await res.text();
  const ms = performance.now() - t0;
  const sessionCookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0] ?? "")
    .find((c) => /^(__Secure-)?authjs\.session-token=./.test(c));
  const code = /"code":"([a-z_]+)"/.exec(body)?.[1] ?? "";
  if (res.status === 200 && sessionCookie) return { outcome: "ok", ms, detail: "session cookie", sessionCookie };
  if (code === "invalid_credentials") return { outcome: "invalid", ms, detail: code };
  if (code === "rate_limited") return { outcome: "throttled", ms, detail: code };
  return { outcome: "other", ms, detail: `${res.status} ${body.slice(0, 200)}` };
}

// ---------------------------------------------------------------------------------------------
// Statistics and printing

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

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
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? "").length)));
  const render = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  console.log(render(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const l of lines) console.log(render(l));
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
  console.log(`Opsdeck auth benchmark: starting the app on ${BASE} (fresh ${DATABASE_URL}, build folder ${DIST_DIR})`);
  const readyMs = await startServer();
  console.log(`server ready after ${(readyMs / 1000).toFixed(1)} s (including migrate, seed and any build)\n`);

  const budget = setTimeout(() => {
    console.error(`\nThe bench exceeded its ${RUN_BUDGET_MS / 1000} s budget: stopping.`);
    stopServer();
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
    `app: npm start server (production build), SQLite, in-memory rate limits, TRUST_PROXY_HOPS=1, BCRYPT_COST=${process.env.BCRYPT_COST || "12"} (bcryptjs)`,
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
  const warnings = serverLog.filter((l) => /"level":(40|50|60)|error/i.test(l));
  if (warnings.length)
    console.log(
      `server logged ${warnings.length} warning/error lines during the run; last: ${warnings.at(-1)?.slice(0, 300)}`,
    );
}

try {
  await main();
} catch (error) {
  console.error(`\nbench failed: ${error instanceof Error ? error.message : String(error)}`);
  if (serverLog.length) console.error(`last server output:\n${serverLog.slice(-30).join("\n")}`);
  process.exitCode = 1;
} finally {
  await stopServerAndWait();
}
