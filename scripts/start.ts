// `npm start`: generate local secrets if needed, migrate, seed, build when the sources changed
// since the last build, then serve on PORT (default 3000).
import { spawnSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadLocalSecrets } from "@/scripts/lib/local-secrets";
import { prepareDatabase } from "@/scripts/lib/prepare-database";

loadLocalSecrets();
process.env.NEXT_TELEMETRY_DISABLED = "1";

await prepareDatabase();

const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.mjs",
  "tailwind.config.ts",
  "postcss.config.mjs",
  "package-lock.json",
];
function fingerprint(): string {
  const hash = createHash("sha256");
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const entry of readdirSync(p).sort()) if (!entry.endsWith(".test.ts")) walk(path.join(p, entry));
    } else {
      hash.update(p).update(readFileSync(p));
    }
  };
  SOURCES.forEach(walk);
  return hash.digest("hex");
}

const distDir = process.env.NEXT_DIST_DIR || ".next";
const stamp = path.join(distDir, "opsdeck-build-fingerprint");
const current = fingerprint();
const built =
  existsSync(path.join(distDir, "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === current;
const nextBin = path.join("node_modules", ".bin", "next");
if (!built) {
  console.log("Building the app (first run or sources changed)…");
  const result = spawnSync(nextBin, ["build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stamp, current);
}

// CPU_PROF_DIR=dir: the server writes a V8 CPU profile there when it stops (npm run bench:http uses it).
const profile = process.env.CPU_PROF_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.CPU_PROF_DIR}`] : [];
// A larger young generation: a Next server makes many short-lived objects per request, and with
// V8's default (16 MB semi-spaces on 64-bit) it spends much of a loaded second in scavenges.
// npm run bench:http, same machine, one run each: /api/v1/me 266 → 474 req/s, /api/health
// 382 → 580, /dashboard 72 → 87, p99s down by a third; costs up to ~150 MB more memory under load.
// It starts at that size too: grown on demand from V8's small initial young generation, a freshly
// started worker answered /dashboard at ~85 req/s for its first ~10 s under load against ~150 once
// grown (bench:http's first round, 2026-12-04); fixed from the start, at ~150 from the first second.
// NODE_OPTIONS=--max-semi-space-size=N chooses otherwise.
const heap = /--max-semi-space-size/.test(process.env.NODE_OPTIONS ?? "")
  ? []
  : ["--max-semi-space-size=64", "--min-semi-space-size=64"];
const server = spawn(process.execPath, [...heap, ...profile, "scripts/serve.mjs"], {
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production" },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
