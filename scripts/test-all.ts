// `npm test`: unit, integration (SQLite; PostgreSQL too when TEST_POSTGRES=1) and end-to-end
// suites. The two integration passes run side by side (each has its own throwaway database; the
// PostgreSQL pass mostly waits on the server, so together they take about as long as it alone);
// their output is printed one after the other. Prints each runner's own summary, then one closing
// line "N passed, N failed", and exits non-zero if anything failed or a suite did not run.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

type Totals = { passed: number; failed: number; skipped: number };
mkdirSync("test-results", { recursive: true });

type Suite = Totals & { ok: boolean };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- runner JSON reports are untyped
function totalsOf(label: string, status: number | null, report: string, parse: (json: any) => Totals): Suite {
  if (!existsSync(report)) {
    console.log(`${label}: no report written (exit ${status})`);
    return { passed: 0, failed: 1, skipped: 0, ok: false };
  }
  const totals = parse(JSON.parse(readFileSync(report, "utf8")));
  if (status !== 0 && totals.failed === 0) {
    // e.g. Vitest's "unhandled errors": every test passed, yet the run failed; count it as one.
    console.log(`${label}: the runner exited ${status} with no failed test (see its errors above)`);
    return { ...totals, failed: 1, ok: false };
  }
  return { ...totals, ok: status === 0 && totals.failed === 0 };
}

function run(
  label: string,
  command: string,
  args: string[],
  env: Record<string, string>,
  report: string,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- runner JSON reports are untyped
  parse: (json: any) => Totals,
): Totals & { ok: boolean } {
  console.log(`\n=== ${label} ===`);
  rmSync(report, { force: true });
  const result = spawnSync(command, args, {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  return totalsOf(label, result.status, report, parse);
}

/** Like run(), in the background: the output is kept and printed when `print` is called. */
function runQuietly(
  label: string,
  command: string,
  args: string[],
  env: Record<string, string>,
  report: string,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- runner JSON reports are untyped
  parse: (json: any) => Totals,
): Promise<{ print: () => Suite }> {
  rmSync(report, { force: true });
  const child = spawn(command, args, {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", FORCE_COLOR: "1", ...env },
  });
  const output: Buffer[] = [];
  child.stdout.on("data", (b: Buffer) => output.push(b));
  child.stderr.on("data", (b: Buffer) => output.push(b));
  return new Promise((resolve) =>
    child.on("close", (status) =>
      resolve({
        print: () => {
          console.log(`\n=== ${label} ===`);
          process.stdout.write(Buffer.concat(output));
          return totalsOf(label, status, report, parse);
        },
      }),
    ),
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- runner JSON reports are untyped
const vitestTotals = (j: any): Totals => ({
  passed: j.numPassedTests,
  failed: j.numFailedTests + (j.numRuntimeErrorTestSuites ?? 0),
  skipped: j.numPendingTests + j.numTodoTests,
});
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
const playwrightTotals = (j: any): Totals => ({
  passed: j.stats.expected + j.stats.flaky,
  failed: j.stats.unexpected + (j.errors?.length ?? 0),
  skipped: j.stats.skipped,
});

const vitestArgs = (project: string, report: string) => [
  "run",
  "--project",
  project,
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${report}`,
];

const suites: Suite[] = [
  run(
    "unit",
    "node_modules/.bin/vitest",
    vitestArgs("unit", "test-results/unit.json"),
    {},
    "test-results/unit.json",
    vitestTotals,
  ),
];
const integration = [
  runQuietly(
    "integration (sqlite)",
    "node_modules/.bin/vitest",
    vitestArgs("integration", "test-results/integration-sqlite.json"),
    {},
    "test-results/integration-sqlite.json",
    vitestTotals,
  ),
];
if (process.env.TEST_POSTGRES === "1") {
  integration.push(
    runQuietly(
      "integration (postgresql)",
      "node_modules/.bin/vitest",
      vitestArgs("integration", "test-results/integration-postgresql.json"),
      { TEST_DATABASE_PROVIDER: "postgresql" },
      "test-results/integration-postgresql.json",
      vitestTotals,
    ),
  );
}
for (const finished of await Promise.all(integration)) suites.push(finished.print());
if (process.env.SKIP_E2E !== "1") {
  suites.push(
    run(
      "e2e (playwright, chromium)",
      "node_modules/.bin/playwright",
      ["test"],
      {},
      "test-results/e2e.json",
      playwrightTotals,
    ),
  );
}

const total = suites.reduce(
  (a, s) => ({ passed: a.passed + s.passed, failed: a.failed + s.failed, skipped: a.skipped + s.skipped }),
  { passed: 0, failed: 0, skipped: 0 },
);
console.log(
  `\nsummary: ${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`,
);
process.exit(suites.every((s) => s.ok) ? 0 : 1);
