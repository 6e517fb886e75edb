// `npm run bench:bundle`: first-load JavaScript per page route, gzipped, from a production build,
// next to its budget (/sign-in ≤ 150 kB, every other page ≤ 250 kB). Builds the app the way
// `npm run build` does into its own folder (.next-bench-bundle), so it neither waits for nor
// disturbs another build; `npm run bench:bundle -- --dist-dir=.next-e2e-3210` reads an existing
// build instead. It reports; the gate is the budget test (e2e/bundle-budget.spec.ts), which uses
// the same module for the figures (scripts/lib/first-load-js.ts).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { firstLoadJs, formatFirstLoadTable, GZIP_LEVEL, overBudget } from "@/scripts/lib/first-load-js";

const DEFAULT_DIST_DIR = ".next-bench-bundle";

const given = process.argv.slice(2).find((a) => a.startsWith("--dist-dir="));
const distDir = given ? given.slice("--dist-dir=".length) : DEFAULT_DIST_DIR;

if (!given) {
  console.log(`Building the app into ${distDir} (next build, production)…`);
  const result = spawnSync(
    path.join("node_modules", ".bin", "tsx"),
    ["--conditions", "react-server", "scripts/build.ts"],
    { stdio: "inherit", env: { ...process.env, NEXT_DIST_DIR: distDir } },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const rows = firstLoadJs(distDir);
console.log(
  `\nFirst-load JS per page route (${distDir}): build-manifest rootMainFiles + the page's client-reference entryJSFiles,` +
    ` each file gzipped by node:zlib at level ${GZIP_LEVEL}; 1 kB = 1,000 bytes.\n`,
);
console.log(formatFirstLoadTable(rows));
const over = overBudget(rows);
console.log(
  over.length
    ? `\n${over.length} route(s) over budget: ${over.map((r) => r.route).join(", ")}`
    : "\nEvery route is within its budget.",
);
