// `npm test`: unit, integration (SQLite; PostgreSQL too when TEST_POSTGRES=1) and end-to-end
// suites, one after another. Prints each runner's own summary, then one closing line
// "N passed, N failed", and exits non-zero if anything failed or a suite did not run.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

type Totals = { passed: number; failed: number; skipped: number };
mkdirSync("test-results", { recursive: true });

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
  if (!existsSync(report)) {
    console.log(`${label}: no report written (exit ${result.status})`);
    return { passed: 0, failed: 1, skipped: 0, ok: false };
  }
  const totals = parse(JSON.parse(readFileSync(report, "utf8")));
  return { ...totals, ok: result.status === 0 && totals.failed === 0 };
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

const vitest = (project: string, report: string, env: Record<string, string> = {}) =>
  run(
    project === "integration" ? `integration (${env.TEST_DATABASE_PROVIDER ?? "sqlite"})` : project,
    "node_modules/.bin/vitest",
    ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
    env,
    report,
    vitestTotals,
  );

const suites = [
  vitest("unit", "test-results/unit.json"),
  vitest("integration", "test-results/integration-sqlite.json"),
];
if (process.env.TEST_POSTGRES === "1") {
  suites.push(
    vitest("integration", "test-results/integration-postgresql.json", { TEST_DATABASE_PROVIDER: "postgresql" }),
  );
}
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
