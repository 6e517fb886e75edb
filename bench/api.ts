// `npm run bench:api`: the REST API on a large shop. Starts the app as `npm start` does
// (bench/lib/app-server.ts, fresh SQLite database), writes 100,000 customers, 500 products and
// 1,000,000 transaction lines into it (bench/lib/seed-records.ts, batched), starts the floor beside
// it (bench/lib/records-floor-server.ts: raw node:http + better-sqlite3, same rows, same JSON),
// then loads each request with wrk (2 threads, 32 connections, 127.0.0.1 only; warm-up + bounded
// runs, median of rounds) and prints req/s, p50, p99 and each app row's ratio to its floor row.
// Both servers stop at the end, also on error or Ctrl-C.
//   BENCH_API_CUSTOMERS=100000 BENCH_API_LINES=1000000   dataset size
//   BENCH_API_SECONDS=8 BENCH_API_ROUNDS=3               run length and rounds
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { workerCount } from "../scripts/lib/cluster-primary.mjs";
import { startApp, spawnGroup, stopGroup, waitForOk, type AppServer } from "./lib/app-server";
import { printTable } from "./lib/client";
import { seedRecords } from "./lib/seed-records";
import { assertWrkInstalled, CONNECTIONS, medianResult, THREADS, wrk, type Result } from "./lib/wrk";
import { encodeCursor } from "@/lib/validations/list-query";

const PORT = 3260;
const FLOOR_PORT = 3261;
const DIST_DIR = ".next-bench";
const WARM_UP_S = 2;
const RUN_S = Number(process.env.BENCH_API_SECONDS ?? 8);
const ROUNDS = Number(process.env.BENCH_API_ROUNDS ?? 3);
const CUSTOMERS = Number(process.env.BENCH_API_CUSTOMERS ?? 100_000);
const LINES = Number(process.env.BENCH_API_LINES ?? 1_000_000);

type Row = { name: string; app: string; floor: string; method?: "POST"; status: number };

let app = null as AppServer | null;
let floor = null as ReturnType<typeof spawnGroup> | null;

/** The request answers as expected before it is loaded; a write may first wait out the previous row's load. */
async function expectStatus(url: string, status: number, init: RequestInit): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(url, init);
    const text = await res.text();
    if (res.status === status) return;
    if (attempt >= 3) {
      throw new Error(
        `${init.method ?? "GET"} ${url} answered ${res.status}, expected ${status}: ${text.slice(0, 300)}`,
      );
    }
    console.log(`  ${init.method ?? "GET"} ${url} answered ${res.status}; retrying in 5 s`);
    await new Promise((resolve) => setTimeout(resolve, 5000));
  }
}

async function main() {
  assertWrkInstalled();
  const startedAt = new Date();
  console.log(
    `Opsdeck API benchmark: starting the app on 127.0.0.1:${PORT} (fresh SQLite database, build ${DIST_DIR})`,
  );
  app = await startApp({
    port: PORT,
    distDir: DIST_DIR,
    // The bench is one client far past the API's per-key and per-IP budgets on purpose.
    env: { API_RATE_LIMIT_MULTIPLIER: "100000" },
  });
  console.log(`app ready after ${(app.readyMs / 1000).toFixed(1)} s (including migrate, seed and any build)`);

  const file = app.databaseUrl.replace(/^file:/, "");
  console.log(
    `writing ${CUSTOMERS.toLocaleString("en")} customers and ${LINES.toLocaleString("en")} transaction lines…`,
  );
  const seeded = seedRecords(file, { customers: CUSTOMERS, lines: LINES });
  console.log(`  done in ${seeded.seconds.toFixed(1)} s`);

  floor = spawnGroup("node_modules/.bin/tsx", ["bench/lib/records-floor-server.ts"], {
    ...app.env,
    FLOOR_PORT: String(FLOOR_PORT),
  });
  const auth = { authorization: `Bearer ${seeded.apiKey}` };
  await waitForOk(floor.child, `http://127.0.0.1:${FLOOR_PORT}/customers`, 30_000, auth);
  floor.quiet();

  // Customers are named "Customer 000001"… in creation order, so (name, id) order is creation order.
  const deepIndex = Math.floor(CUSTOMERS / 2);
  const deepName = `Customer ${String(deepIndex + 1).padStart(6, "0")}`;
  const deepCursor = encodeCursor({
    sort: "name",
    values: [deepName],
    id: seeded.customerIds[deepIndex]!,
    before: false,
  });
  const someCustomer = seeded.customerIds[Math.floor(CUSTOMERS / 3)]!;
  const sale = JSON.stringify({
    customerId: someCustomer,
    paymentMethod: "card",
    lines: [
      { productId: seeded.productIds[1], quantity: 2 },
      { productId: seeded.productIds[2], quantity: 1 },
    ],
  });
  const scriptDir = mkdtempSync(path.join(os.tmpdir(), "opsdeck-bench-api-"));
  const postScript = path.join(scriptDir, "post-sale.lua");
  writeFileSync(
    postScript,
    `wrk.method = "POST"\nwrk.body = [[${sale}]]\nwrk.headers["Content-Type"] = "application/json"\n`,
  );

  const rows: Row[] = [
    { name: "list customers, first page (25)", app: "/api/v1/customers?limit=25", floor: "/customers", status: 200 },
    {
      name: `list customers, deep cursor (row ${deepIndex.toLocaleString("en")})`,
      app: `/api/v1/customers?limit=25&cursor=${deepCursor}`,
      floor: `/customers?cursor=${deepCursor}`,
      status: 200,
    },
    {
      name: "get customer by id",
      app: `/api/v1/customers/${someCustomer}`,
      floor: `/customers/${someCustomer}`,
      status: 200,
    },
    {
      name: "create transaction (2 lines)",
      app: "/api/v1/transactions",
      floor: "/transactions",
      method: "POST",
      status: 201,
    },
  ];

  const results = new Map<string, Result[]>();
  const run = (key: string, url: string, row: Row) => {
    const options = { headers: auth, ...(row.method === "POST" ? { script: postScript } : {}) };
    wrk(url, WARM_UP_S, options);
    const r = wrk(url, RUN_S, options);
    (results.get(key) ?? results.set(key, []).get(key)!).push(r);
    return r;
  };
  for (let round = 1; round <= ROUNDS; round++) {
    for (const row of rows) {
      for (const side of ["floor", "app"] as const) {
        const url = side === "floor" ? `http://127.0.0.1:${FLOOR_PORT}${row.floor}` : `${app.base}${row.app}`;
        const init: RequestInit = row.method
          ? { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: sale }
          : { headers: auth };
        await expectStatus(url, row.status, init);
        const r = run(`${side} ${row.name}`, url, row);
        console.log(`  round ${round}/${ROUNDS} ${side} ${row.name}: ${r.rps.toFixed(0)} req/s`);
      }
    }
  }

  const med = (key: string) => medianResult(results.get(key)!);
  const cpu = os.cpus();
  console.log(`\n=== Opsdeck API benchmark, ${startedAt.toISOString().slice(0, 16).replace("T", " ")} UTC ===`);
  console.log(
    `machine: ${cpu.length} cores (${cpu[0]?.model.trim() ?? "unknown CPU"}), Node ${process.version}; ` +
      `wrk -t${THREADS} -c${CONNECTIONS}, ${WARM_UP_S} s warm-up + ${RUN_S} s per row and round, median of ${ROUNDS} rounds`,
  );
  console.log(
    `data: ${CUSTOMERS.toLocaleString("en")} customers, 500 products, ${seeded.lines.toLocaleString("en")} transaction lines (SQLite); API key auth; app: ${workerCount()} worker process(es) (WEB_CONCURRENCY), floor: one process\n`,
  );
  const fmt = (n: number) => (Number.isNaN(n) ? "-" : n >= 100 ? n.toFixed(0) : n.toFixed(1));
  const table: string[][] = [];
  for (const row of rows) {
    const f = med(`floor ${row.name}`);
    const a = med(`app ${row.name}`);
    table.push([`floor: ${row.name}`, fmt(f.rps), fmt(f.p50), fmt(f.p99), "1.00", "", String(f.errors)]);
    table.push([
      `app:   ${row.name}`,
      fmt(a.rps),
      fmt(a.p50),
      fmt(a.p99),
      (a.rps / f.rps).toFixed(2),
      (a.p99 / f.p99).toFixed(2),
      String(a.errors),
    ]);
  }
  printTable(["request", "req/s", "p50 ms", "p99 ms", "req/s × floor", "p99 × floor", "errors"], table);

  const first = med(`app ${rows[0]!.name}`);
  const deep = med(`app ${rows[1]!.name}`);
  const deepFloor = med(`floor ${rows[1]!.name}`);
  const firstFloor = med(`floor ${rows[0]!.name}`);
  const checks: [string, boolean, string][] = [
    ["deep-page p99 ≤ 3× the floor's p99", deep.p99 <= 3 * deepFloor.p99, `${(deep.p99 / deepFloor.p99).toFixed(2)}×`],
    [
      "list throughput ≥ 0.2× the floor's",
      first.rps >= 0.2 * firstFloor.rps,
      `${(first.rps / firstFloor.rps).toFixed(2)}×`,
    ],
    [
      "deep page within 10% of the first page (req/s)",
      Math.abs(deep.rps - first.rps) <= 0.1 * first.rps,
      `${((deep.rps / first.rps - 1) * 100).toFixed(1)} %`,
    ],
  ];
  console.log("");
  for (const [label, ok, figure] of checks) console.log(`${ok ? "met   " : "MISSED"} ${label}: ${figure}`);
  console.log("(figures vary by ±10–20 % between runs on these machines)");
}

try {
  await main();
} catch (error) {
  console.error(`\nbench failed: ${error instanceof Error ? error.message : String(error)}`);
  if (app?.log.length) console.error(`last server output:\n${app.log.slice(-30).join("\n")}`);
  process.exitCode = 1;
} finally {
  if (floor) await stopGroup(floor.child);
  await app?.stop();
}
