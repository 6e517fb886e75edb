// Pages ship what they use: first-load JS per page route, gzipped, within budget (/sign-in ≤ 150 kB,
// every other page ≤ 250 kB). Sizes come from the build the e2e server serves (NEXT_DIST_DIR, as in
// next.config.mjs; scripts/e2e-server.ts builds it when the sources changed), through the same
// module as `npm run bench:bundle`. The served HTML is checked against that computation, and zxcvbn
// against its promise: it loads when a new-password field is focused, not before.
import { expect, test, type Page } from "@playwright/test";
import { freshContext, gotoReady, signUpAndSignIn } from "./helpers";
import {
  KB,
  firstLoadFiles,
  firstLoadJs,
  formatFirstLoadTable,
  overBudget,
  pageRoutes,
} from "../scripts/lib/first-load-js";

const distDir = process.env.NEXT_DIST_DIR || ".next";

/** Every page route a person can open; the build must have each (a missing one fails the test). */
const ROUTES = [
  "/sign-in",
  "/sign-up",
  "/forgot-password",
  "/reset-password",
  "/verify-email",
  "/check-email",
  "/confirm-email-change",
  "/setup-two-factor",
  "/sign-in/two-factor",
  "/dashboard",
  "/settings",
  "/settings/profile",
  "/settings/security",
  "/settings/sessions",
  "/board",
  "/records",
  "/logs",
  "/analytics",
  "/admin",
  "/dev/outbox",
];

/** A string of zxcvbn's English feedback, so present in its chunk and nowhere else. */
const ZXCVBN_MARKER = "Straight rows of keys on your keyboard are easy to guess.";

test("every page route's first-load JS is within its budget", async ({}, testInfo) => {
  const rows = firstLoadJs(distDir);
  const table = formatFirstLoadTable(rows);
  await testInfo.attach("first-load-js.txt", { body: table, contentType: "text/plain" });
  console.log(table);
  expect(rows.map((r) => r.route)).toEqual(expect.arrayContaining(ROUTES));
  const over = overBudget(rows).map((r) => `${r.route}: ${(r.gzipBytes / KB).toFixed(1)} kB > ${r.budgetKb} kB`);
  expect(over, `first-load JS over budget (gzip -9):\n${table}`).toEqual([]);
});

/** The module scripts a page's HTML loads (the noModule polyfill is skipped by modern browsers). */
async function scriptsOf(page: Page, url: string): Promise<string[]> {
  const response = await page.request.get(url, { maxRedirects: 0 });
  expect(response.status(), url).toBe(200);
  const html = await response.text();
  const files = [...html.matchAll(/<script\b([^>]*)>/g)]
    .map((m) => m[1]!)
    .filter((attrs) => !/\bnoModule\b/i.test(attrs))
    .map((attrs) => /\bsrc="\/_next\/([^"]+\.js)"/.exec(attrs)?.[1])
    .filter((src): src is string => Boolean(src));
  return [...new Set(files)].sort();
}

test("the first load computed from the build is exactly what the served pages load", async ({ browser }) => {
  const entries = new Map(pageRoutes(distDir).map(({ route, entry }) => [route, entry]));
  const context = await freshContext(browser);
  const page = await context.newPage();
  for (const route of ["/sign-in", "/sign-up", "/forgot-password"]) {
    expect(await scriptsOf(page, route), route).toEqual(firstLoadFiles(distDir, entries.get(route)!));
  }
  await signUpAndSignIn(page);
  for (const route of ["/dashboard", "/settings/security"]) {
    expect(await scriptsOf(page, route), route).toEqual(firstLoadFiles(distDir, entries.get(route)!));
  }
  await context.close();
});

test("zxcvbn loads when the new-password field is focused, not with the page", async ({ browser }) => {
  const context = await freshContext(browser);
  const page = await context.newPage();
  const zxcvbnLoads: string[] = [];
  page.on("response", async (response) => {
    if (!/\/_next\/static\/chunks\/.+\.js$/.test(response.url())) return;
    const body = await response.text().catch(() => "");
    if (body.includes(ZXCVBN_MARKER)) zxcvbnLoads.push(response.url());
  });

  await gotoReady(page, "/sign-in");
  await gotoReady(page, "/sign-up");
  await page.getByLabel("First name").fill("Maya");
  await page.waitForLoadState("networkidle");
  expect(zxcvbnLoads).toEqual([]);
  await expect(page.getByText(/At least 10 characters/)).toBeVisible();

  await page.getByLabel("Password", { exact: true }).focus();
  await expect.poll(() => zxcvbnLoads.length).toBe(1);
  await page.getByLabel("Password", { exact: true }).fill("password123");
  await expect(page.getByTestId("password-strength")).toHaveText(/weak/i);
  await page.getByLabel("Password", { exact: true }).fill("tidal quartz lantern 93!");
  await expect(page.getByTestId("password-strength")).toHaveText(/strong/i);
  await context.close();
});
