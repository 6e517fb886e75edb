// The browser row of `npm run bench:board`: opens /board/{id} in Debian's Chromium (Playwright's
// chromium.launch with executablePath; no downloaded browser), signed in with a minted session
// cookie, each run in a fresh context (cold cache, as a first visit), and measures from navigation
// start (performance.timeOrigin) to (1) the first card being visible and (2) the page answering a
// keypress: "?" opens the board's "Keyboard shortcuts" dialog once React has hydrated and the
// board's key handler is attached; the key is pressed again every 25 ms until it does. The time
// the page's HTML was fully received is noted too (what of it is the server's), when the scripts
// requested before hydration were all received, and when the board had hydrated (the page's "board:interactive"
// performance mark, set once its key handler is attached).
import { chromium, type Browser } from "playwright";
import { percentile } from "./client";

export type TtiRun = {
  /** The page's HTML fully received (Navigation Timing responseEnd). */
  htmlMs: number;
  /** The scripts requested before the board hydrated, all received (Resource Timing responseEnd). */
  scriptsMs: number;
  /** The board hydrated, its key handler attached (performance mark "board:interactive"); NaN if absent. */
  hydratedMs: number;
  firstCardMs: number;
  interactiveMs: number;
  status: number;
};

const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export async function measureTimeToInteractive(options: {
  origin: string;
  boardId: string;
  cookie: { name: string; value: string };
  runs: number;
  /** A card title's pattern (the seeded ones start "Card <n>: "). */
  cardText: RegExp;
  timeoutMs?: number;
  /** Also write a Chromium performance trace of one more cold load to <traceDir>/board-trace.json. */
  traceDir?: string;
}): Promise<{
  runs: TtiRun[];
  html: { median: number };
  scripts: { median: number };
  hydrated: { median: number };
  firstCard: { median: number };
  interactive: { median: number; max: number };
}> {
  const browser: Browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ARGS,
  });
  const runs: TtiRun[] = [];
  try {
    const total = options.runs + (options.traceDir ? 1 : 0);
    for (let i = 0; i < total; i++) {
      const tracing = options.traceDir !== undefined && i === options.runs;
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      await context.addCookies([{ ...options.cookie, url: options.origin, httpOnly: true, sameSite: "Lax" }]);
      const page = await context.newPage();
      if (tracing)
        await browser.startTracing(page, { path: `${options.traceDir}/board-trace.json`, screenshots: false });
      const timeout = options.timeoutMs ?? 20_000;
      const response = await page.goto(`${options.origin}/board/${options.boardId}`, { waitUntil: "commit", timeout });
      const status = response?.status() ?? 0;
      if (status !== 200) {
        await context.close();
        throw new Error(`/board/${options.boardId} answered ${status} (is the board page there?)`);
      }
      try {
        await page.getByText(options.cardText).first().waitFor({ state: "visible", timeout });
      } catch {
        await context.close();
        throw new Error(`no card became visible on /board/${options.boardId} within ${timeout / 1000} s`);
      }
      const firstCardMs = await page.evaluate(() => performance.now());
      const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
      const deadline = Date.now() + timeout;
      for (;;) {
        await page.keyboard.press("?");
        if (await dialog.isVisible()) break;
        try {
          await dialog.waitFor({ state: "visible", timeout: 25 });
          break;
        } catch {
          if (Date.now() > deadline) throw new Error("the board never answered the ? key");
        }
      }
      const interactiveMs = await page.evaluate(() => performance.now());
      const { htmlMs, scriptsMs, hydratedMs } = await page.evaluate(() => {
        const html =
          (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined)?.responseEnd ??
          NaN;
        const hydrated = performance.getEntriesByName("board:interactive")[0]?.startTime ?? NaN;
        // The scripts requested before the board hydrated (not the code it loads afterwards).
        const scripts = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter(
          (r) => r.initiatorType === "script" && !(r.startTime > hydrated),
        );
        return {
          htmlMs: html,
          scriptsMs: scripts.length ? Math.max(...scripts.map((r) => r.responseEnd)) : NaN,
          hydratedMs: hydrated,
        };
      });
      if (tracing) {
        await browser.stopTracing();
        console.log(
          `  trace (${Math.round(interactiveMs)} ms to a key) written to ${options.traceDir}/board-trace.json`,
        );
      } else runs.push({ htmlMs, scriptsMs, hydratedMs, firstCardMs, interactiveMs, status });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const interactive = sorted(runs.map((r) => r.interactiveMs));
  return {
    runs,
    html: { median: percentile(sorted(runs.map((r) => r.htmlMs)), 50) },
    scripts: { median: percentile(sorted(runs.map((r) => r.scriptsMs)), 50) },
    hydrated: { median: percentile(sorted(runs.map((r) => r.hydratedMs)), 50) },
    firstCard: { median: percentile(sorted(runs.map((r) => r.firstCardMs)), 50) },
    interactive: { median: percentile(interactive, 50), max: interactive.at(-1) ?? NaN },
  };
}
