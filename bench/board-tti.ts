// `tsx --conditions react-server bench/board-tti.ts`: only the browser row of `npm run bench:board`
// (bench/board.ts (c)), for working on the board page's time to interactive: starts the app on its
// own port (BENCH_BOARD_PORT, default 3272; build folder BENCH_BOARD_DIST_DIR, default
// .next-bench-board-<port>), writes the
// 4,000-card board, then opens /board/{id} in Chromium BENCH_BOARD_TTI_RUNS times (cold contexts)
// and prints HTML / scripts received / board hydrated / first card / first key answered per run and
// their medians, with the load
// average. BENCH_BOARD_TRACE=<dir> also writes one Chromium performance trace (CDP Tracing, with
// the renderer's CPU samples) of a further cold load to <dir>/board-trace.json, to open in the
// Performance panel.
import os from "node:os";
import { startApp, type AppServer } from "./lib/app-server";
import { measureTimeToInteractive } from "./lib/board-tti";
import { seedBoard } from "./lib/seed-board";

const PORT = Number(process.env.BENCH_BOARD_PORT ?? 3272);
const CARDS = Number(process.env.BENCH_BOARD_CARDS ?? 4000);
const RUNS = Number(process.env.BENCH_BOARD_TTI_RUNS ?? 5);

let app = null as AppServer | null;

async function main() {
  app = await startApp({ port: PORT, distDir: process.env.BENCH_BOARD_DIST_DIR ?? `.next-bench-board-${PORT}` });
  console.log(`app ready after ${(app.readyMs / 1000).toFixed(1)} s`);
  const seeded = await seedBoard(app.databaseUrl.replace(/^file:/, ""), app.env, { cards: CARDS, columns: 8 });
  const loadBefore = os.loadavg()[0]!.toFixed(1);
  const tti = await measureTimeToInteractive({
    origin: `http://localhost:${PORT}`,
    boardId: seeded.boardId,
    cookie: seeded.cookie,
    runs: RUNS,
    cardText: /^Card \d+: /,
    traceDir: process.env.BENCH_BOARD_TRACE,
  });
  const f = (n: number) => n.toFixed(0);
  for (const r of tti.runs)
    console.log(
      `  HTML ${f(r.htmlMs)} ms, scripts ${f(r.scriptsMs)} ms, hydrated ${f(r.hydratedMs)} ms, ` +
        `first card ${f(r.firstCardMs)} ms, key ${f(r.interactiveMs)} ms`,
    );
  console.log(
    `${CARDS} cards, median of ${tti.runs.length}: HTML ${f(tti.html.median)} ms, scripts ${f(tti.scripts.median)} ms, ` +
      `hydrated ${f(tti.hydrated.median)} ms, first card ${f(tti.firstCard.median)} ms, ` +
      `answers a key ${f(tti.interactive.median)} ms (worst ${f(tti.interactive.max)} ms); ` +
      `1-min load ${loadBefore} → ${os.loadavg()[0]!.toFixed(1)}, ${new Date().toISOString().slice(0, 16)} UTC`,
  );
}

try {
  await main();
} catch (error) {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  if (app?.log.length) console.error(app.log.slice(-30).join("\n"));
  process.exitCode = 1;
} finally {
  await app?.stop();
}
