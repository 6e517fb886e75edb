// First-load JavaScript per page route of a `next build` (Turbopack, App Router), read from the
// build's own manifests, so the figure is deterministic and needs no running server:
//   - build-manifest.json `rootMainFiles`: the runtime every page loads;
//   - server/app/<page>/page_client-reference-manifest.js `entryJSFiles`: per segment of the page's
//     tree (root and group layouts, the page, error and global-error boundaries), the chunks of the
//     client components it renders. Each page entry already includes its layouts' chunks.
// The not-found, forbidden and unauthorized boundaries are left out: the server renders them as
// elements only when they are triggered, so their chunks are not in a page's HTML. That is exactly
// the `<script src>` set of the served HTML (the polyfill chunk is `noModule`, skipped by modern
// browsers, and left out too); e2e/bundle-budget.spec.ts checks the two agree.
// Each file is gzipped on its own (every chunk is its own response) with node:zlib at level 9.
// One module for the benchmark (bench/bundle.ts) and the budget test (e2e/bundle-budget.spec.ts).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";
import { formatTable } from "@/scripts/lib/format-table";

export const GZIP_LEVEL = 9;
/** 1 kB = 1,000 bytes. */
export const KB = 1000;

/** First-load JS budgets, gzipped, in kB: sign-in is the page every visitor sees first. */
export const DEFAULT_BUDGET_KB = 250;
export const BUDGETS_KB: Readonly<Record<string, number>> = { "/sign-in": 150 };

export const budgetFor = (route: string): number => BUDGETS_KB[route] ?? DEFAULT_BUDGET_KB;

export type RouteFirstLoad = {
  /** The URL path, e.g. "/settings/security". */
  route: string;
  /** The app entry, e.g. "/(app)/settings/security/page". */
  entry: string;
  /** Files relative to the dist dir, e.g. "static/chunks/2s9olwqd7y5cs.js", sorted. */
  files: string[];
  gzipBytes: number;
  budgetKb: number;
};

/** Boundaries rendered only when triggered, hence not part of a page's first load. */
const ON_DEMAND_SEGMENTS = /\/(not-found|forbidden|unauthorized)$/;
/** Next's own pages, not routes of the app. */
const INTERNAL_ENTRIES = new Set(["/_not-found/page", "/_global-error/page"]);

type ClientReferenceManifest = { entryJSFiles: Record<string, string[]> };

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, "utf8")) as T;
}

/** The page entries of the build and their URL paths, sorted by path. */
export function pageRoutes(distDir: string): { entry: string; route: string }[] {
  const routes = readJson<Record<string, string>>(path.join(distDir, "app-path-routes-manifest.json"));
  return Object.entries(routes)
    .filter(([entry]) => entry.endsWith("/page") && !INTERNAL_ENTRIES.has(entry))
    .map(([entry, route]) => ({ entry, route }))
    .sort((a, b) => a.route.localeCompare(b.route));
}

function clientReferenceManifest(distDir: string, entry: string): ClientReferenceManifest {
  const file = path.join(distDir, "server", "app", `${entry}_client-reference-manifest.js`);
  // The file assigns globalThis.__RSC_MANIFEST[entry]; run it in an empty context to read it.
  const sandbox: { __RSC_MANIFEST?: Record<string, ClientReferenceManifest> } = {};
  vm.runInNewContext(readFileSync(file, "utf8"), sandbox, { filename: file });
  const manifest = sandbox.__RSC_MANIFEST?.[entry];
  if (!manifest) throw new Error(`${file} has no client reference manifest for ${entry}`);
  return manifest;
}

/** The JS files a browser loads on first visit to the page `entry`, relative to the dist dir. */
export function firstLoadFiles(distDir: string, entry: string): string[] {
  const { rootMainFiles } = readJson<{ rootMainFiles: string[] }>(path.join(distDir, "build-manifest.json"));
  const files = new Set(rootMainFiles);
  for (const [segment, chunks] of Object.entries(clientReferenceManifest(distDir, entry).entryJSFiles)) {
    if (ON_DEMAND_SEGMENTS.test(segment)) continue;
    for (const chunk of chunks) files.add(chunk.replace(/^\/?_next\//, ""));
  }
  return [...files].filter((f) => f.endsWith(".js")).sort();
}

const gzipCache = new Map<string, number>();
/** Gzipped size (level 9) of a file of the build. */
export function gzipSize(distDir: string, file: string): number {
  const full = path.join(distDir, file);
  let size = gzipCache.get(full);
  if (size === undefined) {
    size = gzipSync(readFileSync(full), { level: GZIP_LEVEL }).length;
    gzipCache.set(full, size);
  }
  return size;
}

/** First-load JS of every page route of the build in `distDir`; throws when there is no build there. */
export function firstLoadJs(distDir: string): RouteFirstLoad[] {
  if (!existsSync(path.join(distDir, "BUILD_ID"))) {
    throw new Error(`No production build in ${distDir} (run \`next build\` with NEXT_DIST_DIR=${distDir}).`);
  }
  return pageRoutes(distDir).map(({ entry, route }) => {
    const files = firstLoadFiles(distDir, entry);
    const gzipBytes = files.reduce((sum, f) => sum + gzipSize(distDir, f), 0);
    return { route, entry, files, gzipBytes, budgetKb: budgetFor(route) };
  });
}

/** The rows that exceed their budget. */
export const overBudget = (rows: RouteFirstLoad[]): RouteFirstLoad[] =>
  rows.filter((r) => r.gzipBytes > r.budgetKb * KB);

/** A plain-text table: route, first-load JS gz (kB), budget (kB), verdict. */
export function formatFirstLoadTable(rows: RouteFirstLoad[]): string {
  const kb = (bytes: number) => (bytes / KB).toFixed(1);
  return formatTable(
    ["route", `first-load JS (gzip -${GZIP_LEVEL}, kB)`, "budget (kB)", ""],
    rows.map((r) => [r.route, kb(r.gzipBytes), String(r.budgetKb), r.gzipBytes > r.budgetKb * KB ? "OVER" : "ok"]),
  );
}
