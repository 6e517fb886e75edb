// The primary of `npm start`'s cluster (scripts/serve.mjs): forks WEB_CONCURRENCY workers that
// share the port (node:cluster hands connections out round-robin), and does the few things that
// must be one per server for them:
//   - holds the rate-limit counters (rate-limiter-flexible's RateLimiterClusterMaster; workers ask
//     it over IPC, lib/rate-limit/limiter.ts), so a budget is one budget whichever worker answers;
//   - relays messages between workers (lib/cluster.ts: board change signals on SQLite);
//   - replaces a worker that died, with the same WORKER_INDEX (index 0 runs the background upkeep),
//     backing off while replacements keep dying; a worker that fails before it ever listened
//     (port taken, bad configuration) stops the server instead, with that worker's exit code;
//   - on SIGINT/SIGTERM, stops every worker (each finishes its open requests) and exits when all have.
import cluster from "node:cluster";
import { availableParallelism } from "node:os";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { RateLimiterClusterMaster } = require("rate-limiter-flexible");

const RELAY = "opsdeck:relay";
/** A worker that lived shorter than this counts as a crash loop for the backoff. */
const STABLE_MS = 30_000;
const STOP_GRACE_MS = 10_000;

/**
 * WEB_CONCURRENCY (1–64, as lib/env.ts accepts it), or one worker per CPU up to 4 (each holds a
 * Next server: ~150–250 MB idle).
 */
export function workerCount() {
  const raw = process.env.WEB_CONCURRENCY?.trim();
  if (!raw) return Math.min(4, availableParallelism());
  const asked = Number(raw);
  if (!Number.isInteger(asked) || asked < 1 || asked > 64) {
    throw new Error(`WEB_CONCURRENCY must be a whole number from 1 to 64 (got "${raw}")`);
  }
  return asked;
}

/** Runs the primary with `count` workers; `onReady` once all of them listen. */
export function runPrimary(count, onReady) {
  new RateLimiterClusterMaster();
  const indexOf = new Map();
  let listening = 0;
  let everListened = false;
  let stopping = false;
  const failures = new Map();

  const fork = (index) => {
    const worker = cluster.fork({ WORKER_INDEX: String(index) });
    indexOf.set(worker.id, { index, startedAt: Date.now() });
  };

  cluster.on("listening", () => {
    listening += 1;
    if (!everListened && listening === count) {
      everListened = true;
      onReady();
    }
  });
  cluster.on("message", (from, message) => {
    if (message?.channel !== RELAY) return;
    for (const worker of Object.values(cluster.workers ?? {})) {
      if (worker && worker.id !== from.id && worker.isConnected()) worker.send(message);
    }
  });
  cluster.on("exit", (worker, code, signal) => {
    const { index, startedAt } = indexOf.get(worker.id);
    indexOf.delete(worker.id);
    if (stopping) {
      // process.exit() without a code keeps an exit code set below (a worker that failed at start).
      if (indexOf.size === 0) process.exit();
      return;
    }
    if (!everListened) {
      console.error(`worker ${index} stopped before the server was ready (code ${code ?? signal}); stopping`);
      stopping = true;
      for (const other of Object.values(cluster.workers ?? {})) other?.kill("SIGTERM");
      process.exitCode = code || 1;
      if (indexOf.size === 0) process.exit();
      return;
    }
    const quick = Date.now() - startedAt < STABLE_MS;
    const failed = quick ? (failures.get(index) ?? 0) + 1 : 0;
    failures.set(index, failed);
    const delay = Math.min(30_000, 250 * 2 ** failed);
    console.error(`worker ${index} exited (${signal ?? `code ${code}`}); starting a new one in ${delay} ms`);
    // Not unref'd: with every worker dead this timer is what keeps the primary (and the port) alive.
    setTimeout(() => !stopping && fork(index), delay);
  });

  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
      if (indexOf.size === 0) process.exit(0);
      setTimeout(() => {
        for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGKILL");
        process.exit(1);
      }, STOP_GRACE_MS).unref();
    });
  }

  for (let index = 0; index < count; index += 1) fork(index);
}
