// The authorization matrix for server actions and route handlers (issue 10, "Authorization
// proof"): every endpoint discovered from the file tree must be declared in
// test/authz/access-policy.ts, and every declared case is called as every principal
// (test/authz/access.ts) through the real code: a real session row and cookie, read by the real
// getViewer through a stand-in for next/headers. A principal the declaration refuses must be
// refused (unauthenticated / forbidden / email_unverified / impersonation_restricted, HTTP 401/403)
// and leave the database as it was; one it allows must not be refused. Pages are covered by
// e2e/authz-matrix.spec.ts, which needs the real renderer.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const request = vi.hoisted(() => ({
  cookies: new Map<string, string>(),
  headers: new Headers(),
  /** Work handed to after() that has not finished yet. */
  after: [] as Promise<unknown>[],
}));

vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined),
    getAll: () => [...request.cookies].map(([name, value]) => ({ name, value })),
    has: (name: string) => request.cookies.has(name),
    // What an action writes goes to its response, not to the next cell's request.
    set: () => undefined,
    delete: () => undefined,
  }),
  headers: async () => request.headers,
  draftMode: async () => ({ isEnabled: false, enable: () => undefined, disable: () => undefined }),
}));

vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/cache")>()),
  revalidatePath: vi.fn(),
  revalidateTag: vi.fn(),
  updateTag: vi.fn(),
  refresh: vi.fn(),
}));

vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  // Outside a request there is nothing to run "after": run it now, so its effects are checked too.
  after: (task: unknown) => {
    request.after.push(Promise.resolve(typeof task === "function" ? (task as () => unknown)() : task).catch(() => {}));
  },
}));

import { randomBytes } from "node:crypto";
import { backgroundWork } from "@/lib/background";
import { NextRequest } from "next/server";
import { SESSION_COOKIE } from "@/lib/auth/cookie";
import { getViewer } from "@/lib/auth/viewer";
import { ENROLMENT_PATH, SECOND_FACTOR_PATH, SESSION_ENDED_PATH } from "@/lib/auth/page-paths";
import { stopBcryptPool } from "@/lib/auth/bcrypt-pool";
import {
  describeAccess,
  expectedVerdict,
  perm,
  PUBLIC,
  PRINCIPAL_KINDS,
  principalFacts,
  type Access,
  type PrincipalKind,
  type Verdict,
} from "@/test/authz/access";
import { ACTIONS, PAGES, ROUTES, type ActionCase, type RouteCase } from "@/test/authz/access-policy";
import {
  discoverActions,
  discoverPages,
  discoverRoutes,
  exportedFunctionNames,
  nonServerActionFiles,
  refusalCodes,
  strayServerFunctions,
} from "@/test/authz/discover";
import { missingId } from "@/test/authz/fixtures";
import { makePrincipal, prismaFixtures, snapshot, tableCounts, type MadePrincipal } from "@/test/authz/prisma-fixtures";
import { readFileSync } from "node:fs";

const ROOT = path.resolve(import.meta.dirname, "../..");
const APP_ORIGIN = "http://localhost:3000";

/** What refusing looks like: an action's code, a thrown Next interrupt, or an HTTP status. */
const DENIAL_CODES = new Set(refusalCodes(path.resolve(import.meta.dirname, "../..")));
const DENIAL_REDIRECTS = [SESSION_ENDED_PATH, SECOND_FACTOR_PATH, ENROLMENT_PATH, "/pending-approval"];

/** Below these, endpoints went missing from the run (printed counts are the real ones). */
const FLOOR = { actions: 1400, routes: 600 };

/** AUTHZ_VERBOSE=1 prints every cell's outcome. */
const VERBOSE = process.env.AUTHZ_VERBOSE === "1";

type Outcome = { denied: boolean; broken: boolean; text: string };

function freshIp(): string {
  const b = randomBytes(3);
  return `10.${b[0]}.${b[1]}.${b[2]}`;
}

/** The next/headers stand-in answers as if `principal`'s browser made the request. */
function actAs(principal: MadePrincipal): string {
  const ip = freshIp();
  request.cookies.clear();
  if (principal.cookie) request.cookies.set(SESSION_COOKIE, principal.cookie);
  request.headers = new Headers({
    "user-agent": "Mozilla/5.0 (X11; Linux x86_64) authz-matrix",
    "x-forwarded-for": ip,
    "x-request-id": randomBytes(8).toString("hex"),
    origin: APP_ORIGIN,
    host: "localhost:3000",
    ...(principal.cookie ? { cookie: `${SESSION_COOKIE}=${principal.cookie}` } : {}),
  });
  return ip;
}

function digestOf(error: unknown): string | null {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" ? digest : null;
}

function classifyThrown(error: unknown): Outcome {
  const digest = digestOf(error);
  if (digest?.startsWith("NEXT_REDIRECT;")) {
    const url = digest.split(";")[2] ?? "";
    const denied = DENIAL_REDIRECTS.some((p) => url === p || url.startsWith(`${p}?`) || url.startsWith(`${p}/`));
    return { denied, broken: false, text: `redirect ${url}` };
  }
  if (digest?.startsWith("NEXT_HTTP_ERROR_FALLBACK;")) {
    const status = Number(digest.split(";")[1]);
    return { denied: status === 401 || status === 403, broken: false, text: `HTTP ${status} (Next interrupt)` };
  }
  const status = (error as { status?: unknown }).status;
  const code = (error as { code?: unknown }).code;
  // A form action (no runAction) refusing by throwing: the refusal holds, the visitor sees the error page.
  if (typeof code === "string" && DENIAL_CODES.has(code)) return { denied: true, broken: false, text: `threw ${code}` };
  return {
    denied: false,
    broken: true,
    text: `threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}${typeof status === "number" ? ` (${status})` : ""}`,
  };
}

function classifyResult(value: unknown, alsoRefusal: readonly string[] = []): Outcome {
  if (value && typeof value === "object" && "ok" in value) {
    const r = value as { ok: boolean; code?: string; error?: string };
    if (r.ok) return { denied: false, broken: false, text: "ok" };
    if (r.code && (DENIAL_CODES.has(r.code) || alsoRefusal.includes(r.code)))
      return { denied: true, broken: false, text: `code ${r.code}` };
    return {
      denied: false,
      broken: r.code === "internal_error",
      text: `code ${r.code}: ${r.error ?? ""}`.slice(0, 160),
    };
  }
  return { denied: false, broken: false, text: `returned ${JSON.stringify(value)?.slice(0, 80) ?? "undefined"}` };
}

const failures = { actions: [] as string[], routes: [] as string[], selfCheck: [] as string[] };
const cells = { actions: 0, routes: 0, selfCheck: 0 };

async function cell(
  table: keyof typeof cells,
  where: string,
  access: Access,
  kind: PrincipalKind,
  run: (principal: MadePrincipal) => Promise<{ outcome: Outcome }>,
): Promise<void> {
  const verdict: Verdict = expectedVerdict(access, principalFacts(kind));
  const principal = await makePrincipal(kind);
  const label = `${where} as ${kind} (declared ${describeAccess(access)}: ${verdict})`;
  cells[table] += 1;
  try {
    const { outcome } = await run(principal);
    if (VERBOSE)
      console.log(
        `${verdict === "allow" ? "allow" : "deny "} → ${outcome.denied ? "refused" : "through"}  ${label}: ${outcome.text}`,
      );
    if (outcome.broken) failures[table].push(`${label}: ${outcome.text}`);
    else if (verdict === "deny" && !outcome.denied) failures[table].push(`${label}: NOT REFUSED, got ${outcome.text}`);
    else if (verdict === "allow" && outcome.denied) failures[table].push(`${label}: REFUSED, got ${outcome.text}`);
  } catch (error) {
    failures[table].push(`${label}: harness error ${error instanceof Error ? error.stack : String(error)}`);
  }
}

/** Runs `call` between two looks at the database; a refused call must change nothing. */
async function guarded(
  verdict: Verdict,
  watch: Parameters<typeof snapshot>[0],
  call: () => Promise<Outcome>,
): Promise<Outcome> {
  // A call's work after its response (mail, audit) belongs to it: wait for it before and after looking.
  const settled = async () => {
    await Promise.all(request.after.splice(0));
    await backgroundWork();
  };
  await settled();
  if (verdict === "allow") return call();
  const [rowsBefore, countsBefore] = [await snapshot(watch), await tableCounts()];
  const outcome = await call();
  await settled();
  if (!outcome.denied) return outcome;
  const [rowsAfter, countsAfter] = [await snapshot(watch), await tableCounts()];
  const changed: string[] = [];
  for (const [i, row] of rowsBefore.entries()) if (row !== rowsAfter[i]) changed.push(`${row}  →  ${rowsAfter[i]}`);
  for (const [name, n] of Object.entries(countsBefore)) {
    if (countsAfter[name] !== n) changed.push(`${name} count ${n} → ${countsAfter[name]}`);
  }
  return changed.length
    ? { denied: true, broken: true, text: `${outcome.text}, but the database changed: ${changed.join("; ")}` }
    : outcome;
}

// ---------------------------------------------------------------------------------------------

const discovered = {
  actions: discoverActions(ROOT),
  routes: discoverRoutes(ROOT),
  pages: discoverPages(ROOT),
};

describe("authz matrix: discovery", () => {
  it("finds today's endpoints (the discovery itself works)", () => {
    expect(discovered.actions.length).toBeGreaterThan(15);
    expect(discovered.routes.map((r) => r.key)).toContain("GET /api/v1/me");
    expect(discovered.pages.map((p) => p.pattern)).toContain("/admin/users");
  });

  it("every server action has a declaration, and every declaration an action", () => {
    const found = discovered.actions.map((a) => a.key);
    expect(
      found.filter((k) => !(k in ACTIONS)),
      "server actions without a declaration in test/authz/access-policy.ts",
    ).toEqual([]);
    expect(
      Object.keys(ACTIONS).filter((k) => !found.includes(k)),
      "declarations of actions that do not exist",
    ).toEqual([]);
  });

  it("every route handler method has a declaration, and every declaration a handler", () => {
    const found = discovered.routes.map((r) => r.key);
    expect(
      found.filter((k) => !(k in ROUTES)),
      "route handlers without a declaration",
    ).toEqual([]);
    expect(
      Object.keys(ROUTES).filter((k) => !found.includes(k)),
      "declarations of route handlers that do not exist",
    ).toEqual([]);
  });

  it("every page has a declaration, and every declaration a page (pages run in e2e/authz-matrix.spec.ts)", () => {
    const found = discovered.pages.map((p) => p.pattern);
    expect(
      found.filter((k) => !(k in PAGES)),
      "pages without a declaration",
    ).toEqual([]);
    expect(
      Object.keys(PAGES).filter((k) => !found.includes(k)),
      "declarations of pages that do not exist",
    ).toEqual([]);
  });

  it("server functions live only in lib/actions ('use server' modules), where every file is one", () => {
    expect(strayServerFunctions(ROOT), "'use server' outside lib/actions: endpoints the matrix cannot see").toEqual([]);
    expect(nonServerActionFiles(ROOT), "files under lib/actions that are not 'use server' modules").toEqual([
      "lib/actions/run-action.ts",
    ]);
    // The wrapper is not an endpoint: it exports no server function of its own.
    expect(exportedFunctionNames(readFileSync(path.join(ROOT, "lib/actions/run-action.ts"), "utf8"))).toEqual([
      "runAction",
    ]);
  });

  it("what the modules export at run time is what the source scan found", async () => {
    const mismatches: string[] = [];
    for (const file of new Set(discovered.actions.map((a) => a.file))) {
      const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
      const runtime = Object.keys(mod).sort();
      const scanned = discovered.actions
        .filter((a) => a.file === file)
        .map((a) => a.name)
        .sort();
      if (JSON.stringify(runtime) !== JSON.stringify(scanned)) mismatches.push(`${file}: ${runtime} vs ${scanned}`);
      for (const name of runtime)
        if (typeof mod[name] !== "function") mismatches.push(`${file}#${name} is not a function`);
    }
    for (const file of new Set(discovered.routes.map((r) => r.file))) {
      const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
      const methods = Object.keys(mod)
        .filter((k) => /^[A-Z]+$/.test(k))
        .sort();
      const scanned = discovered.routes
        .filter((r) => r.file === file)
        .map((r) => r.method)
        .sort();
      if (JSON.stringify(methods) !== JSON.stringify(scanned)) mismatches.push(`${file}: ${methods} vs ${scanned}`);
    }
    expect(mismatches).toEqual([]);
  });
});

describe("authz matrix: the judge is not vacuous", () => {
  // Stand-ins for broken endpoints: each must be reported, or a green matrix would prove nothing.
  async function judge(access: Access, kind: PrincipalKind, endpoint: (target: string) => Promise<unknown>) {
    const before = failures.selfCheck.length;
    await cell("selfCheck", "stand-in", access, kind, async (principal) => {
      const target = await prismaFixtures.user();
      actAs(principal);
      const verdict = expectedVerdict(access, principalFacts(kind));
      const watch = [{ table: "User" as const, where: { id: target.id } }];
      const outcome = await guarded(verdict, watch, async () => {
        try {
          return classifyResult(await endpoint(target.id));
        } catch (error) {
          return classifyThrown(error);
        }
      });
      return { outcome };
    });
    return failures.selfCheck.slice(before);
  }

  it("reports a call that goes through without the permission", async () => {
    const reported = await judge(perm("users.manage"), "user", async () => ({ ok: true, data: null }));
    expect(reported.join()).toMatch(/NOT REFUSED/);
  });

  it("reports a refusal of a principal holding the permission", async () => {
    const reported = await judge(perm("users.manage"), "admin", async () => ({
      ok: false,
      code: "forbidden",
      error: "no",
    }));
    expect(reported.join()).toMatch(/REFUSED/);
  });

  it("reports a refusal that still wrote to the database", async () => {
    const { db } = await import("@/lib/db");
    const reported = await judge(perm("users.manage"), "staff", async (target) => {
      await db.user.update({ where: { id: target }, data: { banReason: "written anyway" } });
      return { ok: false, code: "forbidden", error: "no" };
    });
    expect(reported.join()).toMatch(/database changed/);
  });

  it("reports a crash, and accepts a clean refusal and a clean pass", async () => {
    expect(
      (await judge(PUBLIC, "visitor", async () => ({ ok: false, code: "internal_error", error: "boom" }))).join(),
    ).toMatch(/internal_error/);
    expect(
      await judge(perm("users.manage"), "manager", async () => ({ ok: false, code: "forbidden", error: "no" })),
    ).toEqual([]);
    expect(
      await judge(perm("users.manage"), "super_admin", async () => ({ ok: false, code: "conflict", error: "busy" })),
    ).toEqual([]);
  });
});

describe("authz matrix: principals are who they claim", () => {
  for (const kind of PRINCIPAL_KINDS) {
    it(kind, async () => {
      const principal = await makePrincipal(kind);
      actAs(principal);
      const viewer = await getViewer();
      const facts = principalFacts(kind);
      if (!facts.signedIn) {
        expect(viewer).toBeNull();
        return;
      }
      expect(viewer?.sessionState).toBe(facts.state);
      expect([...(viewer?.permissions ?? [])].sort()).toEqual([...facts.permissions].sort());
      expect(viewer?.pendingApproval).toBe(facts.pendingApplicant);
      expect(viewer?.impersonatorId != null).toBe(facts.impersonating);
    });
  }
});

describe("authz matrix: server actions", () => {
  beforeAll(() => {
    // As next.config.mjs enables (forbidden() and unauthorized() throw their interrupts).
    process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";
  });

  const byKey = new Map(discovered.actions.map((a) => [a.key, a]));
  for (const [key, declaration] of Object.entries(ACTIONS)) {
    it(key, async () => {
      const found = byKey.get(key);
      if (!found) return; // reported by the discovery test
      const mod = (await import(/* @vite-ignore */ path.join(ROOT, found.file))) as Record<string, unknown>;
      const fn = mod[found.name] as (...args: unknown[]) => Promise<unknown>;
      const cases: ActionCase[] = declaration.cases ?? [{ label: "no arguments", setup: async () => ({ args: [] }) }];
      const before = failures.actions.length;
      for (const c of cases) {
        const access = c.access ?? declaration.access;
        for (const kind of PRINCIPAL_KINDS) {
          await cell("actions", `${key} [${c.label}]`, access, kind, async (principal) => {
            const { args, watch = [] } = await c.setup(prismaFixtures, principal);
            actAs(principal);
            const verdict = expectedVerdict(access, principalFacts(kind));
            const outcome = await guarded(verdict, watch, async () => {
              try {
                return classifyResult(await fn(...args), verdict === "deny" ? c.alsoRefusal : []);
              } catch (error) {
                return classifyThrown(error);
              }
            });
            return { outcome };
          });
        }
      }
      expect(failures.actions.slice(before)).toEqual([]);
    });
  }
});

function fillPattern(pattern: string, params: Record<string, string>): string {
  return pattern.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_m, name: string) =>
    encodeURIComponent(params[name] ?? missingId()),
  );
}

describe("authz matrix: route handlers", () => {
  const byKey = new Map(discovered.routes.map((r) => [r.key, r]));
  for (const [key, declaration] of Object.entries(ROUTES)) {
    it(key, async () => {
      const found = byKey.get(key);
      if (!found) return;
      const mod = (await import(/* @vite-ignore */ path.join(ROOT, found.file))) as Record<string, unknown>;
      const handler = mod[found.method] as (
        req: Request,
        ctx: { params: Promise<Record<string, string>> },
      ) => Promise<Response>;
      const cases: RouteCase[] = declaration.cases ?? [{ label: "plain request", setup: async () => ({}) }];
      const before = failures.routes.length;
      for (const c of cases) {
        const access = c.access ?? declaration.access;
        for (const kind of PRINCIPAL_KINDS) {
          await cell("routes", `${key} [${c.label}]`, access, kind, async (principal) => {
            const { params = {}, query = {}, body, watch = [] } = await c.setup(prismaFixtures, principal);
            const ip = actAs(principal);
            const url = new URL(fillPattern(found.pattern, params), APP_ORIGIN);
            for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
            const headers = new Headers(request.headers);
            headers.set("x-forwarded-for", ip);
            if (body !== undefined) headers.set("content-type", "application/json");
            const verdict = expectedVerdict(access, principalFacts(kind));
            const outcome = await guarded(verdict, watch, async () => {
              try {
                const response = await handler(
                  new NextRequest(url, {
                    method: found.method,
                    headers,
                    body: body === undefined ? undefined : JSON.stringify(body),
                  }),
                  { params: Promise.resolve(params) },
                );
                const status = response.status;
                return {
                  denied: status === 401 || status === 403,
                  broken: status >= 500 && status !== 503,
                  text: `HTTP ${status}`,
                };
              } catch (error) {
                return classifyThrown(error);
              }
            });
            return { outcome };
          });
        }
      }
      expect(failures.routes.slice(before)).toEqual([]);
    });
  }
});

describe("authz matrix: cell count", () => {
  it("checked enough cells", () => {
    console.log(`authz matrix (actions): ${cells.actions} cells, ${failures.actions.length} failing`);
    console.log(`authz matrix (routes): ${cells.routes} cells, ${failures.routes.length} failing`);
    console.log(`authz matrix (actions+routes): ${cells.actions + cells.routes} cells`);
    expect(cells.actions).toBeGreaterThanOrEqual(FLOOR.actions);
    expect(cells.routes).toBeGreaterThanOrEqual(FLOOR.routes);
  });
});

afterAll(async () => {
  await stopBcryptPool();
});
