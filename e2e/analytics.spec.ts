// An admin reads the shop's analytics on the demo dataset (prisma/seed.ts --demo, run into the e2e
// database before the tests): every report renders with data, the previous period is compared,
// the picker keeps its state (and the browser's time zone) in the URL, each report has its CSV,
// the end-of-day report prints without the app around it, and the dashboard shows the sales
// block only to those who may see analytics. Screenshots go to /tmp/shots-analytics.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { E2E_ADMIN, E2E_DATABASE } from "./env";
import { gotoReady } from "./helpers";
import { createAccount, signInAccount, signedInAs, withE2eDb } from "./support/admin-session";

const SHOTS = "/tmp/shots-analytics";
mkdirSync(SHOTS, { recursive: true });

const ZONE = "America/New_York";

/** Every report of the page, by its data-report id, and whether it draws a chart (else a table). */
const REPORTS: readonly [string, "chart" | "table" | "heatmap"][] = [
  ["revenue", "chart"],
  ["top-products-revenue", "chart"],
  ["top-products-units", "chart"],
  ["staff", "chart"],
  ["top-customers", "chart"],
  ["payment-mix", "chart"],
  ["customer-mix", "chart"],
  ["discounts-refunds-tax", "chart"],
  ["gross-margin", "chart"],
  ["heatmap", "heatmap"],
  ["stock-alerts", "table"],
];

let demo: { from: string; to: string; busiestDay: string };

test.beforeAll(() => {
  execFileSync("node_modules/.bin/tsx", ["--conditions", "react-server", "prisma/seed.ts", "--demo"], {
    // The server's own settings, so the seed's first step (roles and the admin) finds them as they are.
    env: {
      ...process.env,
      DATABASE_URL: E2E_DATABASE,
      ADMIN_EMAIL: E2E_ADMIN.email,
      ADMIN_USERNAME: E2E_ADMIN.username,
      ADMIN_PASSWORD: E2E_ADMIN.password,
    },
    stdio: "pipe",
    timeout: 600_000,
  });
  // The range the demo's sales cover, and its busiest day (in UTC, as the Z report is opened).
  demo = withE2eDb((db) => {
    const row = db
      .prepare(
        `SELECT MIN(substr("occurredAt", 1, 10)) AS "from", MAX(substr("occurredAt", 1, 10)) AS "to" FROM "Transaction"`,
      )
      .get() as { from: string; to: string };
    const busiest = db
      .prepare(
        `SELECT substr("occurredAt", 1, 10) AS "day", COUNT(*) AS n FROM "Transaction"
          WHERE "status" <> 'voided' GROUP BY "day" ORDER BY n DESC, "day" DESC LIMIT 1`,
      )
      .get() as { day: string };
    return { from: row.from, to: row.to, busiestDay: busiest.day };
  });
});

/** The last 90 days of the demo: long enough for every report, with a previous period of sales. */
function demoRange(): { from: string; to: string } {
  const to = demo.to;
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - 89 * 86_400_000).toISOString().slice(0, 10);
  return { from, to };
}

async function signedInInZone(browser: Browser, roles: string[] = ["super_admin"]) {
  const b = randomBytes(3);
  const context = await browser.newContext({
    extraHTTPHeaders: { "x-forwarded-for": `10.${b[0]}.${b[1]}.${b[2]}` },
    timezoneId: ZONE,
    colorScheme: "light",
  });
  const page = await context.newPage();
  await signInAccount(page, createAccount(roles));
  return { context, page };
}

async function expectEveryReportDrawn(page: Page) {
  for (const [id, kind] of REPORTS) {
    const report = page.locator(`section[data-report="${id}"]`);
    await expect(report, id).toBeVisible();
    await expect(report.getByText("No sales in this range."), id).toHaveCount(0);
    if (kind === "chart") {
      // Drawn (an SVG with marks in it), and its numbers in the hidden table.
      await expect(
        report
          .locator(".recharts-surface")
          .locator(".recharts-bar-rectangle, .recharts-area-area, .recharts-pie-sector")
          .first(),
        id,
      ).toBeAttached();
      expect(await report.getByTestId("chart-data").first().locator("tbody tr").count(), id).toBeGreaterThan(0);
    } else if (kind === "heatmap") {
      expect(await report.locator('td[data-level]:not([data-level="0"])').count(), id).toBeGreaterThan(3);
    } else {
      expect(await report.locator("tbody tr").count(), id).toBeGreaterThan(0);
    }
    const csv = report.getByRole("link", { name: /Download CSV/ });
    await expect(csv, id).toHaveAttribute("href", /^\/api\/v1\/analytics\/[a-z-]+\?.*format=csv/);
  }
}

test("an admin reads every report of the demo shop against the previous period", async ({ browser }) => {
  test.setTimeout(300_000);
  const { context, page } = await signedInInZone(browser);

  // First visit without tz: the page is in the browser's zone (from the URL the picker rewrites,
  // or from the zone the browser already reported on the dashboard), never the server's UTC.
  await gotoReady(page, "/analytics");
  await expect(page.getByRole("heading", { name: "Analytics", level: 1 })).toBeVisible();
  await expect(page.getByText(`times in ${ZONE}`)).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Date range" })).toHaveValue("last_30_days");

  const { from, to } = demoRange();
  await gotoReady(page, `/analytics?from=${from}&to=${to}&tz=${encodeURIComponent(ZONE)}`);
  await expect(page.locator("[data-kpi]")).toHaveCount(7);
  // Every KPI has its change against the previous period, in words for screen readers too.
  await expect(page.getByTestId("kpi-change")).toHaveCount(7);
  await expect(page.locator('[data-kpi="revenue"]')).toContainText(/\$[\d,]+\.\d\d/);
  await expect(
    page.locator('[data-kpi="revenue"]').getByText(/(Up|Down|Unchanged) .*in the previous period/),
  ).toBeAttached();
  await expect(page.getByText(/, compared with /)).toBeVisible();
  await expectEveryReportDrawn(page);

  // The revenue chart draws the previous period beside this one, with numbers in both columns.
  const revenue = page.locator('section[data-report="revenue"]');
  await expect(revenue.locator("li").filter({ hasText: /^Previous \(/ })).toBeVisible();
  const previousCells = revenue.getByTestId("chart-data").locator("tbody tr td:nth-child(3)");
  expect((await previousCells.allTextContents()).filter((t) => /\$/.test(t)).length).toBeGreaterThan(0);

  // Keyboard: the plot takes focus and the arrow keys bring up its tooltip.
  const surface = revenue.locator(".recharts-wrapper [tabindex='0'], .recharts-surface[tabindex='0']").first();
  await surface.focus();
  await page.keyboard.press("ArrowRight");
  await expect(revenue.locator(".recharts-tooltip-wrapper")).toContainText("$");

  // A CSV of the same query downloads with the browser's session.
  const href = await page
    .locator('section[data-report="staff"]')
    .getByRole("link", { name: /Download CSV/ })
    .getAttribute("href");
  expect(href).toContain(`from=${from}`);
  const csv = await page.request.get(href!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toMatch(/text\/csv/);

  // Back to the top: the sticky header would otherwise be drawn where the keyboard check scrolled to.
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${SHOTS}/analytics-light.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: `${SHOTS}/analytics-dark.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/analytics-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  // The picker: a preset, then compare off, then a custom range — each kept in the URL.
  await page.getByRole("combobox", { name: "Date range" }).selectOption("last_7_days");
  await expect(page).toHaveURL(/preset=last_7_days/);
  await expect(page).toHaveURL(new RegExp(`tz=${encodeURIComponent(ZONE)}`));
  const compareSwitch = page.getByRole("switch", { name: "Compare with previous period" });
  await expect(compareSwitch).toBeChecked();
  await page.getByText("Compare with previous period").click();
  await expect(page).toHaveURL(/compare=false/);
  await expect(compareSwitch).not.toBeChecked();
  await expect(page.getByTestId("kpi-change")).toHaveCount(0);
  await page.getByRole("combobox", { name: "Date range" }).selectOption("custom");
  await page.getByLabel("From", { exact: true }).fill(from);
  await page.getByLabel("To", { exact: true }).fill(to);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`from=${from}.*to=${to}|to=${to}.*from=${from}`));
  await expect(page).not.toHaveURL(/preset=/);
  await expect(page).toHaveURL(/compare=false/);
  await page.getByRole("combobox", { name: "Group by" }).selectOption("week");
  await expect(page).toHaveURL(/bucket=week/);
  await expect(page.locator('section[data-report="revenue"]')).toContainText("By week");

  // A range with no sales at all: the empty state, and stock alerts still shown.
  await gotoReady(page, `/analytics?from=2001-01-01&to=2001-01-31&tz=UTC`);
  await expect(page.getByRole("heading", { name: "No sales in this range" })).toBeVisible();
  await expect(page.locator('section[data-report="stock-alerts"]')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/analytics-empty.png`, fullPage: true });
  await context.close();
});

test("the end-of-day report lists each staff member and prints without the app around it", async ({ browser }) => {
  test.setTimeout(180_000);
  const { context, page } = await signedInAs(browser);
  await gotoReady(page, `/analytics/z-report?date=${demo.busiestDay}&tz=UTC`);
  await expect(page.getByRole("heading", { name: "End-of-day report", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: /End-of-day report · \w+day, / })).toBeVisible();
  expect(await page.getByTestId("z-staff").count()).toBeGreaterThan(0);
  await expect(page.getByTestId("z-totals-net")).toHaveText(/\$[\d,]+\.\d\d/);
  await expect(page.getByRole("table", { name: "Day totals by payment method" })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/z-report-light.png`, fullPage: true });

  // Another day through the form (a plain GET form: works before JavaScript too).
  await page.getByRole("link", { name: "Previous day" }).click();
  await expect(page).not.toHaveURL(new RegExp(`date=${demo.busiestDay}`));
  await page.getByLabel("Day", { exact: true }).fill(demo.busiestDay);
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`date=${demo.busiestDay}`));
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });

  // Print: the button calls window.print; in print media only the report is visible.
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed += 1;
    };
  });
  await page.getByRole("button", { name: "Print report" }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("complementary", { name: "Sidebar" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print report" })).toBeHidden();
  await expect(page.getByRole("heading", { name: "End-of-day report", level: 1 })).toBeHidden();
  await expect(page.locator("#z-report")).toBeVisible();
  await expect(page.getByTestId("z-staff").first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/z-report-print.png`, fullPage: true });
  await page.emulateMedia({ media: "screen", colorScheme: "dark" });
  await page.screenshot({ path: `${SHOTS}/z-report-dark.png`, fullPage: true });
  await context.close();
});

test("the dashboard shows the sales block to those who may see analytics, and only to them", async ({ browser }) => {
  test.setTimeout(180_000);
  const manager = await signedInAs(browser, ["manager"]);
  const block = manager.page.getByTestId("sales-summary");
  await expect(block).toBeVisible();
  await expect(block.getByTestId("summary-period")).toHaveCount(2);
  await expect(block.locator("figure[data-chart='area'] .recharts-surface")).toBeAttached();
  await block.getByRole("link", { name: /Last 7 days/ }).click();
  await expect(manager.page).toHaveURL(/\/analytics\?preset=last_7_days/);
  await gotoReady(manager.page, "/dashboard");
  await manager.page.screenshot({ path: `${SHOTS}/dashboard-light.png`, fullPage: true });
  await manager.context.close();

  const plain = await signedInAs(browser, ["user"]);
  await expect(plain.page.getByRole("heading", { name: /Welcome back/ })).toBeVisible();
  await expect(plain.page.getByTestId("sales-summary")).toHaveCount(0);
  await gotoReady(plain.page, "/analytics");
  await expect(plain.page.getByRole("heading", { name: /Analytics/ })).toHaveCount(0);
  await plain.context.close();
});
