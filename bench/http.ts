// `npm run bench:http`: what a request costs, end to end, on this machine. Starts the app as
// `npm start` does (bench/lib/app-server.ts) and a floor beside it (bench/lib/floor-server.ts: raw
// node:http + better-sqlite3 doing the same session lookup and JSON answer as /api/v1/me), signs
// in once, then loads each target with wrk (2 threads, 32 connections, 127.0.0.1 only; a short
// warm-up, then a bounded run) and prints req/s, p50 and p99 with the ratio to the floor and the
// target. Both servers are stopped at the end, also on error or Ctrl-C.
//   BENCH_HTTP_ONLY=me       only the rows whose name contains "me" (and the floor)
//   BENCH_CPU_PROF=1         the app writes a CPU profile; where its time went is printed at the end
//   BENCH_HTTP_SECONDS=20    longer rows; BENCH_HTTP_ROUNDS=5 more rounds (the median is printed)
//   BENCH_HTTP_PORT=3390     the app's port (the floor takes the next one); BENCH_HTTP_DIST_DIR its build folder
import { mkdtempSync, readdirSync, statSync } from "node:fs";
import Database from "better-sqlite3";
import os from "node:os";
import path from "node:path";
import { workerCount } from "../scripts/lib/cluster-primary.mjs";
import { startApp, spawnGroup, stopGroup, waitForOk, type AppServer } from "./lib/app-server";
import { BENCH_PASSWORD, printTable, signIn, signUp } from "./lib/client";
import { summariseProfile } from "./lib/cpu-profile";
import { assertWrkInstalled, CONNECTIONS, medianResult, THREADS, wrk, type Result } from "./lib/wrk";

const PORT = Number(process.env.BENCH_HTTP_PORT ?? 3250);
const FLOOR_PORT = PORT + 1;
const DIST_DIR = process.env.BENCH_HTTP_DIST_DIR ?? ".next-bench";
const WARM_UP_S = 2;
const RUN_S = Number(process.env.BENCH_HTTP_SECONDS ?? 8);
const ROUNDS = Number(process.env.BENCH_HTTP_ROUNDS ?? 3);

type Target = {
  name: string;
  path: string;
  cookie: boolean;
  /** Signed in as a Manager (analytics.read: the dashboard's sales block) instead of a new User. */
  manager?: boolean;
  /** Text the answer must contain (else the row would measure the wrong page). */
  expect?: string;
  floor?: boolean;
  status: number;
  goal?: { rps: number; p99Ms?: number; floorRatio?: number };
};

const TARGETS: Target[] = [
  { name: "floor: node:http + better-sqlite3, session → JSON", path: "/me", cookie: true, floor: true, status: 200 },
  // How fast Next itself is on this machine today: the issue's figures were measured where this
  // row gave 4,400–5,000 req/s; on a slower (or busier) machine every row scales with it.
  { name: "GET /logo.svg (static file through Next)", path: "/logo.svg", cookie: false, status: 200 },
  { name: "GET /api/health", path: "/api/health", cookie: false, status: 200, goal: { rps: 1500 } },
  {
    name: "GET /api/v1/me (cookie)",
    path: "/api/v1/me",
    cookie: true,
    status: 200,
    goal: { rps: 1300, floorRatio: 0.25 },
  },
  { name: "GET /dashboard (cookie)", path: "/dashboard", cookie: true, status: 200, goal: { rps: 150, p99Ms: 500 } },
  // The same page with its sales block (today, the week and its sparkline: eight report statements; no sales in this shop).
  {
    name: "GET /dashboard (cookie, Manager)",
    path: "/dashboard",
    cookie: true,
    manager: true,
    status: 200,
    expect: 'data-testid="sales-summary"',
  },
  { name: "GET /sign-in (signed out)", path: "/sign-in", cookie: false, status: 200 },
];

async function expectStatus(url: string, status: number, cookie?: string, text?: string): Promise<void> {
  const get = () => fetch(url, { redirect: "manual", headers: cookie ? { cookie } : {} });
  // A pooled keep-alive connection the server has closed meanwhile fails once; a new one does not.
  const res = await get().catch(get);
  const body = await res.text();
  if (res.status !== status)
    throw new Error(`${url} answered ${res.status}, expected ${status}: the bench would measure the wrong thing`);
  if (text && !body.includes(text))
    throw new Error(`${url} answered without ${text}: the bench would measure the wrong thing`);
}

/** A second account, given the Manager role and a confirmed email in the database, signed in. */
async function managerSessionCookie(server: AppServer): Promise<string> {
  await signUp(server.base, 1, "benchmanager");
  const db = new Database(server.databaseUrl.replace(/^file:/, ""), { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 10000");
    const user = db.prepare(`SELECT "id" FROM "User" WHERE "username" = 'benchmanager'`).get() as { id: string };
    const role = db.prepare(`SELECT "id" FROM "Role" WHERE "key" = 'manager'`).get() as { id: string };
    const now = new Date().toISOString().replace("Z", "+00:00");
    db.prepare(`UPDATE "User" SET "emailVerifiedAt" = ? WHERE "id" = ?`).run(now, user.id);
    db.prepare(`INSERT INTO "UserRole" ("userId","roleId","createdAt") VALUES (?,?,?)`).run(user.id, role.id, now);
  } finally {
    db.close();
  }
  const session = await signIn({ base: server.base, distDir: DIST_DIR }, "benchmanager", BENCH_PASSWORD, "10.70.0.2");
  if (session.outcome !== "ok" || !session.sessionCookie) throw new Error(`manager sign-in failed: ${session.detail}`);
  return session.sessionCookie;
}

const profileDir = process.env.BENCH_CPU_PROF === "1" ? mkdtempSync(path.join(os.tmpdir(), "opsdeck-prof-")) : null;
let app = null as AppServer | null;
let floor = null as ReturnType<typeof spawnGroup> | null;

async function main() {
  assertWrkInstalled();
  const startedAt = new Date();
  console.log(
    `Opsdeck HTTP benchmark: starting the app on 127.0.0.1:${PORT} (fresh SQLite database, build folder ${DIST_DIR})`,
  );
  app = await startApp({
    port: PORT,
    distDir: DIST_DIR,
    // One client far past the API's per-IP and per-session budgets on purpose (as bench:api).
    env: { API_RATE_LIMIT_MULTIPLIER: "100000", ...(profileDir ? { CPU_PROF_DIR: profileDir } : {}) },
  });
  console.log(`app ready after ${(app.readyMs / 1000).toFixed(1)} s (including migrate, seed and any build)`);

  const only = process.env.BENCH_HTTP_ONLY;
  const targets = TARGETS.filter((t) => t.floor || !only || t.name.includes(only));
  await signUp(app.base, 0, "benchhttp");
  const session = await signIn({ base: app.base, distDir: DIST_DIR }, "benchhttp", BENCH_PASSWORD, "10.70.0.1");
  if (session.outcome !== "ok" || !session.sessionCookie) throw new Error(`sign-in failed: ${session.detail}`);
  const cookie = session.sessionCookie;
  const managerCookie = targets.some((t) => t.manager) ? await managerSessionCookie(app) : undefined;

  floor = spawnGroup("node_modules/.bin/tsx", ["--conditions", "react-server", "bench/lib/floor-server.ts"], {
    ...app.env,
    FLOOR_PORT: String(FLOOR_PORT),
  });
  await waitForOk(floor.child, `http://127.0.0.1:${FLOOR_PORT}/me`, 30_000, { cookie });
  floor.quiet();

  const runs = new Map<Target, Result[]>(targets.map((t) => [t, []]));
  // Rounds go through every row in turn, so a noisy moment of the machine spreads over all rows;
  // each figure printed is the median of its rounds.
  for (let round = 1; round <= ROUNDS; round++) {
    for (const target of targets) {
      const base = target.floor ? `http://127.0.0.1:${FLOOR_PORT}` : app.base;
      const url = `${base}${target.path}`;
      const c = target.cookie ? (target.manager ? managerCookie : cookie) : undefined;
      await expectStatus(url, target.status, c, target.expect);
      const headers: Record<string, string> = c ? { cookie: c } : {};
      wrk(url, WARM_UP_S, { headers });
      const result = wrk(url, RUN_S, { headers });
      runs.get(target)!.push(result);
      console.log(`  round ${round}/${ROUNDS} ${target.name}: ${result.rps.toFixed(0)} req/s`);
    }
  }
  const results = targets.map((target) => ({ target, result: medianResult(runs.get(target)!) }));

  const floorRps = results[0]!.result.rps;
  const cpu = os.cpus();
  console.log(`\n=== Opsdeck HTTP benchmark, ${startedAt.toISOString().slice(0, 16).replace("T", " ")} UTC ===`);
  console.log(
    `machine: ${cpu.length} cores (${cpu[0]?.model.trim() ?? "unknown CPU"}), Node ${process.version}; ` +
      `wrk -t${THREADS} -c${CONNECTIONS}, ${WARM_UP_S} s warm-up + ${RUN_S} s per row and round, median of ${ROUNDS} rounds, on the same machine as the servers`,
  );
  console.log(
    `app: npm start (production build), ${workerCount()} worker process(es) (WEB_CONCURRENCY), SQLite, rate limits in memory; floor: one process\n`,
  );
  const fmt = (n: number) => (Number.isNaN(n) ? "-" : n >= 100 ? n.toFixed(0) : n.toFixed(1));
  let missed = 0;
  printTable(
    ["request", "req/s", "p50 ms", "p99 ms", "× floor", "errors", "target"],
    results.map(({ target, result }) => {
      const goal = target.goal;
      const met =
        !goal ||
        (result.rps >= goal.rps &&
          (goal.p99Ms === undefined || result.p99 < goal.p99Ms) &&
          (goal.floorRatio === undefined || result.rps / floorRps >= goal.floorRatio));
      if (!met) missed++;
      const goalText = goal
        ? `≥ ${goal.rps} req/s${goal.p99Ms ? `, p99 < ${goal.p99Ms} ms` : ""}${goal.floorRatio ? `, ≥ ${goal.floorRatio}× floor` : ""}: ${met ? "met" : "MISSED"}`
        : "";
      return [
        target.name,
        fmt(result.rps),
        fmt(result.p50),
        fmt(result.p99),
        target.floor ? "1.00" : (result.rps / floorRps).toFixed(2),
        String(result.errors),
        goalText,
      ];
    }),
  );
  console.log(
    `\n${missed ? `${missed} target(s) missed` : "all targets met"} (figures vary by ±10–20 % between runs on these machines)`,
  );
}

try {
  await main();
} catch (error) {
  console.error(
    `\nbench failed: ${error instanceof Error ? `${error.message}${error.cause ? ` (${String(error.cause)})` : ""}` : String(error)}`,
  );
  if (app?.log.length) console.error(`last server output:\n${app.log.slice(-30).join("\n")}`);
  process.exitCode = 1;
} finally {
  if (floor) await stopGroup(floor.child);
  await app?.stop();
}

if (profileDir && process.exitCode !== 1) {
  // The server's profile is the largest (tsx and scripts/start.ts write small ones too).
  const files = readdirSync(profileDir)
    .filter((f) => f.endsWith(".cpuprofile"))
    .map((f) => path.join(profileDir, f))
    .sort((a, b) => statSync(b).size - statSync(a).size);
  if (!files[0]) console.log(`\nno CPU profile was written to ${profileDir}`);
  else {
    const summary = summariseProfile(files[0]);
    console.log(
      `\nCPU profile of the app server (${files[0]}, ${(summary.totalMs / 1000).toFixed(1)} s sampled), self time:`,
    );
    printTable(
      ["package", "share"],
      summary.packages.map((p) => [p.name, `${(p.share * 100).toFixed(1)} %`]),
    );
    console.log("");
    printTable(
      ["function", "share"],
      summary.functions.map((f) => [f.name.slice(0, 110), `${(f.share * 100).toFixed(1)} %`]),
    );
  }
}
