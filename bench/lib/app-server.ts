// The app as a benchmark runs it: started the way `npm start` does (scripts/start.ts: migrate, seed,
// build if the sources changed, serve) on 127.0.0.1 with a fresh SQLite database, process-local
// rate limits and the outbox instead of mail. The whole process group is stopped at the end, also
// on error or Ctrl-C.
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";

export const BENCH_ADMIN = {
  username: "benchadmin",
  email: "admin@bench.opsdeck.test",
  password: "Bench admin password 2026!",
};

/** Startup may include a full `next build` on 2 cores. */
const START_TIMEOUT_MS = Number(process.env.BENCH_START_TIMEOUT_S ?? 600) * 1000;

export type AppServer = {
  base: string;
  databaseUrl: string;
  /** The environment the server runs with (secrets included), for helpers that must agree with it. */
  env: NodeJS.ProcessEnv;
  /** Its last 200 lines of output. */
  log: string[];
  readyMs: number;
  stop(): Promise<void>;
};

const running = new Set<ChildProcess>();

/** Signals a child's whole process group (tsx → scripts/start.ts → scripts/serve.mjs). */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (!child.pid || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

process.on("exit", () => running.forEach((c) => signalGroup(c, "SIGTERM")));
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the bench servers`);
    running.forEach((c) => signalGroup(c, "SIGTERM"));
    process.exit(130);
  });
}

/** SIGTERM, then SIGKILL if the group has not exited within 8 s. */
export async function stopGroup(child: ChildProcess): Promise<void> {
  running.delete(child);
  if (!child.pid || child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  signalGroup(child, "SIGTERM");
  const gone = await Promise.race([exited.then(() => true), sleep(8000).then(() => false)]);
  if (!gone) signalGroup(child, "SIGKILL");
  // The Next.js server may outlive tsx for a moment; make sure nothing of the group is left.
  await sleep(500);
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    // the group is gone
  }
}

/** Starts a child in its own process group, keeping its output; `echo` prints lines until `quiet()`. */
export function spawnGroup(command: string, args: string[], env: NodeJS.ProcessEnv) {
  const log: string[] = [];
  let echo = true;
  const child = spawn(command, args, { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  const onData = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (!line.trim()) continue;
      log.push(line);
      if (log.length > 200) log.shift();
      if (echo) console.log(`  server | ${line}`);
    }
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  return { child, log, quiet: () => (echo = false) };
}

/** Waits until `url` answers 200, or throws when the child exits or the deadline passes. */
export async function waitForOk(
  child: ChildProcess,
  url: string,
  timeoutMs: number,
  headers: Record<string, string> = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`${url}: the server exited with code ${child.exitCode} before it was ready`);
    try {
      const res = await fetch(url, { headers, signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(300);
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

export async function startApp(options: {
  port: number;
  distDir?: string;
  env?: Record<string, string>;
}): Promise<AppServer> {
  const base = `http://127.0.0.1:${options.port}`;
  const databaseUrl = `file:./data/bench-${options.port}.db`;
  const file = databaseUrl.replace(/^file:/, "");
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(options.port),
    APP_URL: `http://localhost:${options.port}`,
    DATABASE_URL: databaseUrl,
    NEXT_DIST_DIR: options.distDir ?? ".next-bench",
    ADMIN_EMAIL: BENCH_ADMIN.email,
    ADMIN_USERNAME: BENCH_ADMIN.username,
    ADMIN_PASSWORD: BENCH_ADMIN.password,
    LOG_LEVEL: "warn",
    // Listen on loopback only, and believe X-Forwarded-For as if one reverse proxy were in front:
    // that is how a bench plays many clients (sign-ups are limited per client IP).
    HOST: "127.0.0.1",
    TRUST_PROXY_HOPS: "1",
    NEXT_TELEMETRY_DISABLED: "1",
    ...options.env,
  };
  // Process-local limits and the outbox only: a benchmark must not share Redis counters or send mail.
  for (const key of ["REDIS_URL", "RESEND_API_KEY", "RESEND_BASE_URL"]) delete env[key];

  const started = performance.now();
  const { child, log, quiet } = spawnGroup(
    "node_modules/.bin/tsx",
    ["--conditions", "react-server", "scripts/start.ts"],
    env,
  );
  await waitForOk(child, `${base}/api/health`, START_TIMEOUT_MS);
  quiet();
  return { base, databaseUrl, env, log, readyMs: performance.now() - started, stop: () => stopGroup(child) };
}
