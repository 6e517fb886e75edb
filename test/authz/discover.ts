// Endpoints discovered from the file tree, so that a new page, route handler or server action
// cannot be left out of the authorization matrix: app/**/page.tsx (route patterns, route groups
// left out), app/**/route.ts (exported HTTP methods) and the exports of every "use server" module.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    if (entry === "node_modules" || entry.startsWith(".")) continue;
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

const rel = (root: string, file: string) => path.relative(root, file).split(path.sep).join("/");

/** "app/(app)/admin/users/[id]/page.tsx" → "/admin/users/[id]". */
export function routePattern(file: string): string {
  const segments = file
    .split("/")
    .slice(1, -1)
    .filter((s) => !(s.startsWith("(") && s.endsWith(")")) && !s.startsWith("@"));
  return `/${segments.join("/")}`;
}

export type DiscoveredPage = { pattern: string; file: string; dynamic: string[] };
export type DiscoveredRoute = { key: string; method: string; pattern: string; file: string; dynamic: string[] };
export type DiscoveredAction = { key: string; file: string; name: string };

function dynamicSegments(pattern: string): string[] {
  return [...pattern.matchAll(/\[(?:\.\.\.)?([^\]]+)\]/g)].map((m) => m[1]!.replace(/^\.\.\./, ""));
}

export function discoverPages(root: string): DiscoveredPage[] {
  return walk(path.join(root, "app"))
    .map((f) => rel(root, f))
    .filter((f) => /\/page\.(tsx|ts|jsx|js|mdx)$/.test(f))
    .map((file) => {
      const pattern = routePattern(file);
      return { pattern, file, dynamic: dynamicSegments(pattern) };
    })
    .sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** The HTTP methods a route module exports, read from its source. */
export function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:async\s+)?(?:function|const|let|var)\s+([A-Z]+)\b/g)) found.add(m[1]!);
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1]!.split(",")) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop()
        ?.trim();
      if (name) found.add(name);
    }
  }
  return [...found].filter((n) => (HTTP_METHODS as readonly string[]).includes(n)).sort();
}

export function discoverRoutes(root: string): DiscoveredRoute[] {
  return walk(path.join(root, "app"))
    .map((f) => rel(root, f))
    .filter((f) => /\/route\.(ts|js)$/.test(f))
    .flatMap((file) => {
      const pattern = routePattern(file);
      return exportedMethods(readFileSync(path.join(root, file), "utf8")).map((method) => ({
        key: `${method} ${pattern}`,
        method,
        pattern,
        file,
        dynamic: dynamicSegments(pattern),
      }));
    })
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** Whether a module starts with the "use server" directive (comments and blank lines aside). */
export function isServerModule(source: string): boolean {
  const body = source.replace(/^(\s*(\/\/[^\n]*|\/\*[\s\S]*?\*\/))*\s*/, "");
  return /^["']use server["'];?/.test(body);
}

/** Names a module exports as functions, read from its source. */
export function exportedFunctionNames(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)/g)) found.add(m[1]!);
  for (const m of source.matchAll(/export\s+(?:const|let|var)\s+([A-Za-z_$][\w$]*)/g)) found.add(m[1]!);
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1]!.split(",")) {
      const name = part
        .trim()
        .replace(/^type\s+/, "")
        .split(/\s+as\s+/)
        .pop()
        ?.trim();
      if (name && !part.trim().startsWith("type ")) found.add(name);
    }
  }
  if (/export\s+default\b/.test(source)) found.add("default");
  return [...found].sort();
}

export function discoverActions(root: string): DiscoveredAction[] {
  return walk(path.join(root, "lib", "actions"))
    .map((f) => rel(root, f))
    .filter((f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f))
    .filter((file) => isServerModule(readFileSync(path.join(root, file), "utf8")))
    .flatMap((file) =>
      exportedFunctionNames(readFileSync(path.join(root, file), "utf8")).map((name) => ({
        key: `${file}#${name}`,
        file,
        name,
      })),
    )
    .sort((a, b) => a.key.localeCompare(b.key));
}

/**
 * Server functions outside lib/actions: "use server" modules elsewhere, or inline "use server"
 * functions in pages and components. Each is a callable endpoint the matrix would not see.
 */
export function strayServerFunctions(root: string): string[] {
  const out: string[] = [];
  for (const dir of ["app", "components", "lib"]) {
    for (const full of walk(path.join(root, dir))) {
      const file = rel(root, full);
      if (!/\.(ts|tsx|js|jsx)$/.test(file) || /\.test\.tsx?$/.test(file) || file.startsWith("lib/actions/")) continue;
      const source = readFileSync(full, "utf8");
      if (/["']use server["']/.test(source)) out.push(file);
    }
  }
  return out.sort();
}

/** Non-"use server" files under lib/actions besides the wrapper: helpers there are not endpoints. */
export function nonServerActionFiles(root: string): string[] {
  return walk(path.join(root, "lib", "actions"))
    .map((f) => rel(root, f))
    .filter((f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f))
    .filter((file) => !isServerModule(readFileSync(path.join(root, file), "utf8")))
    .sort();
}

/**
 * Every code the app refuses with: ForbiddenError's default and each code passed to it, and
 * UnauthenticatedError's, read from lib/ (a new guard's code counts as a refusal without an edit here).
 */
export function refusalCodes(root: string): string[] {
  const codes = new Set(["unauthenticated", "forbidden"]);
  for (const full of walk(path.join(root, "lib"))) {
    if (!/\.tsx?$/.test(full) || /\.test\.tsx?$/.test(full)) continue;
    const source = readFileSync(full, "utf8");
    const re = /new ForbiddenError\(/g;
    for (let m = re.exec(source); m; m = re.exec(source)) {
      // The call's text up to its closing parenthesis (messages hold no parentheses of their own
      // often enough; look ahead a bounded stretch and take the last string literal that is a code).
      const call = source.slice(m.index, m.index + 600);
      let depth = 0;
      let end = call.length;
      for (let i = call.indexOf("("); i < call.length; i++) {
        if (call[i] === "(") depth++;
        else if (call[i] === ")" && --depth === 0) {
          end = i;
          break;
        }
      }
      const code = /,\s*"([a-z][a-z0-9_]*)"\s*,?\s*$/.exec(call.slice(0, end));
      if (code) codes.add(code[1]!);
    }
  }
  return [...codes].sort();
}
