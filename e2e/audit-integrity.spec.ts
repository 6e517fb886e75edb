// An administrator checks the activity log's integrity on /logs/integrity: "Verify now" (by keyboard)
// reports the chain intact and the check is shown as the last one after a reload; after a pruning
// (the real code, run as if two days had passed with a one-day window) the anchors are listed as
// genuine and the shortened chain still verifies; with one event's
// metadata edited in the database behind the app's back, the check names that event and links to it
// in the log; once put back, the log verifies again. Someone without audit.manage gets 403.
// Screenshots (light, dark, phone, broken) go to /tmp/shots-audit-integrity.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E_DATABASE, E2E_PORT } from "./env";
import { gotoReady } from "./helpers";
import { signedInAs, withE2eDb } from "./support/admin-session";

const SHOTS = "/tmp/shots-audit-integrity";
mkdirSync(SHOTS, { recursive: true });

/**
 * Prunes the e2e server's audit log through lib/audit/prune-audit-log.ts with the server's own key
 * (data/secrets.json, as scripts/start.ts loads it), as if `days` had passed with a one-day window.
 */
function pruneAsIfLater(days: number): string {
  const script = path.resolve("data", `e2e-prune-${E2E_PORT}.ts`);
  writeFileSync(
    script,
    `import { loadLocalSecrets } from "@/scripts/lib/local-secrets";
loadLocalSecrets();
const { describePruneResult, pruneAuditLog } = await import("@/lib/audit/prune-audit-log");
const result = await pruneAuditLog({ now: new Date(Date.now() + ${days} * 86_400_000), retentionDays: 1, batchSize: 3 });
console.log(describePruneResult(result));
process.exit(result.refused ? 1 : 0);
`,
  );
  try {
    return execFileSync("node_modules/.bin/tsx", ["--conditions", "react-server", script], {
      env: { ...process.env, DATABASE_URL: E2E_DATABASE, LOG_LEVEL: "warn" },
      encoding: "utf8",
    }).trim();
  } finally {
    rmSync(script, { force: true });
  }
}

test("an admin verifies the audit log: intact, then a tampered event is named and linked", async ({ browser }) => {
  test.setTimeout(180_000);
  const { context, page, account } = await signedInAs(browser, ["admin"]);
  await gotoReady(page, "/logs/integrity");
  await expect(page.getByRole("heading", { name: "Integrity and retention", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Integrity and retention" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("retention-setting")).toHaveText("365 days");
  await expect(page.getByText("Nothing pruned yet")).toBeVisible();

  // Keyboard: the button is reachable and runs on Enter.
  const verify = page.getByRole("button", { name: "Verify now" });
  await verify.focus();
  await expect(verify).toBeFocused();
  await page.keyboard.press("Enter");
  const result = page.getByTestId("verification-result");
  await expect(result.getByText("Intact", { exact: true })).toBeVisible();
  await expect(result).toContainText(/\d+ events checked/);
  await page.screenshot({ path: `${SHOTS}/intact-light.png`, fullPage: true });

  // The check was recorded: after a reload it is the last verification, with who ran it.
  await gotoReady(page, "/logs/integrity");
  await expect(result.getByText("Intact", { exact: true })).toBeVisible();
  await expect(result).toContainText(`by ${account.firstName}`);

  // Pruning leaves signed anchors; the shortened chain still verifies from the newest one.
  expect(pruneAsIfLater(2)).toMatch(
    /^pruned \d+ events older than .* \(1 days\), anchored through seq \d+ \(\d+ anchors\)/,
  );
  await gotoReady(page, "/logs/integrity");
  const anchors = page.getByRole("table", { name: "Retention anchors" });
  await expect(anchors.getByRole("row").nth(1)).toContainText("Genuine");
  await expect(anchors.getByText("Forged")).toHaveCount(0);
  await expect(page.getByText("Nothing pruned yet")).toHaveCount(0);
  await page.getByRole("button", { name: "Verify now" }).click();
  await expect(result.getByText("Intact", { exact: true })).toBeVisible();
  await expect(result).toContainText("pruned behind a signed anchor");
  await page.screenshot({ path: `${SHOTS}/pruned-light.png`, fullPage: true });

  // One event's metadata edited behind the application's back.
  const victim = withE2eDb((db) => {
    const row = db
      .prepare(`SELECT "id", "seq", "metadata" FROM "AuditEvent" ORDER BY "seq" ASC LIMIT 1 OFFSET 2`)
      .get() as {
      id: string;
      seq: number;
      metadata: string;
    };
    db.prepare(`UPDATE "AuditEvent" SET "metadata" = ? WHERE "id" = ?`).run('{"edited":true}', row.id);
    return row;
  });
  try {
    await page.getByRole("button", { name: "Verify now" }).click();
    await expect(result.getByText("Broken", { exact: true })).toBeVisible();
    await expect(result.getByText(`First broken event: seq ${victim.seq}`)).toBeVisible();
    await expect(result).toContainText(`(id ${victim.id}): its content does not match its hash`);
    await expect(result.getByRole("link", { name: "Open the event" })).toHaveAttribute(
      "href",
      `/logs/events?event=${victim.id}`,
    );
    await page.screenshot({ path: `${SHOTS}/broken-light.png`, fullPage: true });
  } finally {
    withE2eDb((db) =>
      db.prepare(`UPDATE "AuditEvent" SET "metadata" = ? WHERE "id" = ?`).run(victim.metadata, victim.id),
    );
  }
  await page.getByRole("button", { name: "Verify now" }).click();
  await expect(result.getByText("Intact", { exact: true })).toBeVisible();
  await context.close();

  // Dark mode and a phone.
  const dark = await signedInAs(browser, ["admin"], { colorScheme: "dark" });
  await gotoReady(dark.page, "/logs/integrity");
  await expect(dark.page.getByTestId("verification-result").getByText("Intact", { exact: true })).toBeVisible();
  await dark.page.screenshot({ path: `${SHOTS}/intact-dark.png`, fullPage: true });
  await dark.page.setViewportSize({ width: 390, height: 844 });
  await gotoReady(dark.page, "/logs/integrity");
  await expect(dark.page.getByRole("button", { name: "Verify now" })).toBeVisible();
  await dark.page.screenshot({ path: `${SHOTS}/phone-dark.png`, fullPage: true });
  await dark.context.close();
});

test("someone without audit.manage is refused the integrity page", async ({ browser }) => {
  const { context, page } = await signedInAs(browser, ["manager"]);
  const response = await page.goto("/logs/integrity");
  expect(response?.status()).toBe(403);
  await context.close();
});
