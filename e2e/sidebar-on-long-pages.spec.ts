import { expect, test, type Page } from "@playwright/test";
import { freshContext, newPerson, signUpAndSignIn } from "./helpers";

/** Scrolls the page to its very bottom and checks that the sidebar still fills the viewport's height. */
async function expectSidebarFillsViewportAtBottom(page: Page) {
  const viewport = page.viewportSize()!;
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  const scrolled = await page.evaluate(
    () => window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1,
  );
  expect(scrolled).toBe(true);
  // The sidebar column runs the whole length of the document (so its background never ends, in a
  // full-page capture or a print either), and what it holds is pinned to the viewport.
  const sidebar = page.getByRole("complementary", { name: "Sidebar" });
  const column = await sidebar.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top + window.scrollY, height: r.height, page: document.documentElement.scrollHeight };
  });
  expect(column.top).toBe(0);
  expect(column.height).toBeGreaterThanOrEqual(column.page);
  const panel = (await page.getByTestId("sidebar-panel").boundingBox())!;
  expect(panel.y).toBe(0);
  expect(panel.height).toBeGreaterThanOrEqual(viewport.height);
  // What is painted at the bottom-left corner of the screen is the sidebar, not the page behind it.
  const cornerIsSidebar = await page.evaluate(
    ({ h }) => {
      const el = document.elementFromPoint(8, h - 4);
      return Boolean(el?.closest("aside[aria-label='Sidebar']"));
    },
    { h: viewport.height },
  );
  expect(cornerIsSidebar).toBe(true);
  await expect(sidebar.getByRole("link", { name: "Settings" })).toBeInViewport();
}

for (const scheme of ["light", "dark"] as const) {
  test(`on a long page (Settings → Security, ${scheme}) the sidebar spans the full height and stays in place while scrolling`, async ({
    browser,
  }) => {
    const context = await freshContext(browser, scheme);
    const page = await context.newPage();
    // A short desktop window, so that the Security page is several screens long.
    await page.setViewportSize({ width: 1280, height: 600 });
    const person = newPerson();
    await signUpAndSignIn(page, person);
    await page.goto("/settings/security");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(600 * 1.5);
    await expectSidebarFillsViewportAtBottom(page);
    await page.screenshot({ path: `test-results/screenshots/50-security-bottom-sidebar-${scheme}.png` });
    // Back at the top, the sidebar is where it was.
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
    expect((await page.getByTestId("sidebar-panel").boundingBox())!.y).toBe(0);
    // Drawn at full length (as a full-page capture or a print does), the sidebar runs to the end.
    await page.screenshot({ path: `test-results/screenshots/51-security-full-page-${scheme}.png`, fullPage: true });
    await context.close();
  });
}
