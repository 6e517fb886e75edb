// The authorization matrix for pages (issue 10, "Authorization proof"): every app/**/page.tsx,
// discovered from the file tree, must be declared in test/authz/access-policy.ts; each declared
// case is requested over HTTP, without following redirects, as every principal of
// test/authz/access.ts (sessions written to the e2e database, cookies minted with the server's
// secret). A refused principal must get its refusal (visitor → sign-in, second factor due → its
// step, held back → enrolment, staff applicant → the waiting page, anyone else → 403 with the
// forbidden page); an allowed one a 200 (or a declared redirect). Actions and route handlers are
// covered by test/authz/authz-matrix.integration.test.ts.
import { mkdirSync, writeFileSync } from "node:fs";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import {
  describeAccess,
  expectedVerdict,
  PRINCIPAL_KINDS,
  principalFacts,
  type PrincipalKind,
} from "../test/authz/access";
import { PAGES, type PageCase, type PageDeclaration } from "../test/authz/access-policy";
import { discoverPages } from "../test/authz/discover";
import { missingId } from "../test/authz/fixtures";
import { freshIp } from "./http-helpers";
import { makeE2ePrincipal, SESSION_COOKIE, sqliteFixtures, type E2ePrincipal } from "./support/authz-fixtures";

const ROOT = process.cwd();
const FLOOR = 600;
/** The heading of app/forbidden.tsx. */
const FORBIDDEN_TEXT = "You do not have access to this page";

/** Where a refused principal is sent when the page declares nothing else. */
const DEFAULT_REFUSAL: Record<PrincipalKind, string> = {
  visitor: "/sign-in",
  pending_second_factor: "/sign-in/two-factor",
  pending_enrolment: "/setup-two-factor",
  pending_applicant: "/pending-approval",
  super_admin: "403",
  admin: "403",
  manager: "403",
  staff: "403",
  user: "403",
  unverified_manager: "403",
  impersonating_admin: "403",
  banned_user: "/sign-in",
  custom_role_member: "403",
};

function refusalFor(declaration: PageDeclaration, kind: PrincipalKind): string {
  const active = principalFacts(kind).state === "active";
  return declaration.deniedAs?.[kind] ?? (active ? declaration.deniedAs?.active : undefined) ?? DEFAULT_REFUSAL[kind];
}

/** A declared redirect target: "/x/" matches any path under /x, "/x" that path exactly. */
function allowedRedirect(declaration: PageDeclaration, where: string): boolean {
  return (declaration.allowedRedirects ?? []).some((p) => (p.endsWith("/") ? where.startsWith(p) : where === p));
}

function fill(pattern: string, params: Record<string, string> = {}): string {
  return pattern.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_m, name: string) =>
    encodeURIComponent(params[name] ?? missingId()),
  );
}

function locationPath(response: APIResponse): string | null {
  const location = response.headers()["location"];
  return location ? new URL(location, "http://localhost").pathname : null;
}

/** "403", or a path the redirect goes to, or "200" / "404"; with a short description of what came. */
async function outcomeOf(response: APIResponse, secret?: string): Promise<{ kind: string; text: string }> {
  const status = response.status();
  if (process.env.AUTHZ_DUMP) {
    mkdirSync(process.env.AUTHZ_DUMP, { recursive: true });
    const name = new URL(response.url()).pathname.replace(/[^a-z0-9]+/gi, "_");
    writeFileSync(`${process.env.AUTHZ_DUMP}/${status}${name}.html`, await response.body());
  }
  if (status >= 300 && status < 400) {
    const where = locationPath(response) ?? "?";
    return { kind: where, text: `${status} → ${response.headers()["location"]}` };
  }
  const body = await response.text();
  if (secret && body.includes(secret)) return { kind: "leak", text: `${status} containing the target's ${secret}` };
  if (status === 403) {
    // The product's forbidden page (app/forbidden.tsx), not a bare status.
    return body.includes(FORBIDDEN_TEXT)
      ? { kind: "403", text: "403" }
      : { kind: "403-bare", text: "403 without the forbidden page" };
  }
  if (status === 200 && body.includes("NEXT_HTTP_ERROR_FALLBACK;403")) {
    // forbidden() was called after the status went out (a loading.tsx boundary streamed first).
    return { kind: "200-forbidden", text: "200 carrying forbidden() (the 403 was streamed under a 200)" };
  }
  if (status === 200 && body.includes("NEXT_HTTP_ERROR_FALLBACK;404")) {
    return { kind: "200-not-found", text: "200 carrying notFound() (the 404 was streamed under a 200)" };
  }
  return { kind: String(status), text: String(status) };
}

test.describe("authz matrix: pages", () => {
  test.describe.configure({ timeout: 900_000 });

  test("every page has a declaration, and every declaration a page", () => {
    const found = discoverPages(ROOT).map((p) => p.pattern);
    expect(
      found.filter((k) => !(k in PAGES)),
      "pages without a declaration in test/authz/access-policy.ts",
    ).toEqual([]);
    expect(
      Object.keys(PAGES).filter((k) => !found.includes(k)),
      "declarations of pages that do not exist",
    ).toEqual([]);
  });

  test("every page as every principal", async ({ playwright, baseURL }) => {
    const principals = new Map<PrincipalKind, E2ePrincipal>();
    for (const kind of PRINCIPAL_KINDS) principals.set(kind, await makeE2ePrincipal(kind));
    const clients = new Map<PrincipalKind, APIRequestContext>();
    for (const [kind, p] of principals) {
      clients.set(
        kind,
        await playwright.request.newContext({
          baseURL,
          extraHTTPHeaders: {
            "x-forwarded-for": freshIp(),
            ...(p.cookie ? { cookie: `${SESSION_COOKIE}=${p.cookie}` } : {}),
          },
        }),
      );
    }

    // The principals are who they claim: what the API says they hold is what the table derives.
    for (const [kind, client] of clients) {
      const facts = principalFacts(kind);
      const me = await client.get("/api/v1/me");
      if (facts.state !== "active") {
        expect(me.status(), kind).toBe(401);
        continue;
      }
      expect(me.status(), kind).toBe(200);
      const body = (await me.json()) as { data: { permissions: string[] } };
      expect(body.data.permissions.sort(), kind).toEqual([...facts.permissions].sort());
    }

    const failures: string[] = [];
    let cells = 0;
    for (const [pattern, declaration] of Object.entries(PAGES)) {
      const cases: PageCase[] = declaration.cases ?? [{ label: "plain visit", setup: async () => ({}) }];
      for (const c of cases) {
        const access = c.access ?? declaration.access;
        for (const kind of PRINCIPAL_KINDS) {
          const principal = principals.get(kind)!;
          const verdict = expectedVerdict(access, principalFacts(kind));
          const { params, query, secret } = await c.setup(sqliteFixtures, principal);
          const url = new URL(fill(pattern, params), "http://localhost");
          for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, v);
          const where = `${url.pathname}${url.search}`;
          const label = `${pattern} [${c.label}] as ${kind} (declared ${describeAccess(access)}: ${verdict})`;
          cells += 1;
          let outcome: { kind: string; text: string };
          try {
            // Only a refused response must not show the target.
            outcome = await outcomeOf(
              await clients.get(kind)!.get(where, { maxRedirects: 0 }),
              verdict === "deny" ? secret : undefined,
            );
          } catch (error) {
            failures.push(`${label}: request failed ${String(error)}`);
            continue;
          }
          if (process.env.AUTHZ_VERBOSE === "1") console.log(`${verdict} ${label}: ${outcome.text}`);
          if (verdict === "allow") {
            const ok =
              outcome.kind === "200" ||
              (c.notFound && (outcome.kind === "404" || outcome.kind === "200-not-found")) ||
              allowedRedirect(declaration, outcome.kind);
            if (!ok)
              failures.push(
                `${label}: expected 200${c.notFound ? "/404" : ""}${declaration.allowedRedirects ? ` or → ${declaration.allowedRedirects.join(", ")}` : ""}, got ${outcome.text}`,
              );
          } else {
            const expected = refusalFor(declaration, kind);
            const ok =
              outcome.kind === expected ||
              // A visitor may land on sign-in through the page that clears a stale cookie.
              (expected === "/sign-in" && outcome.kind === "/sign-in/session-ended");
            if (!ok)
              failures.push(
                `${label}: expected ${expected === "403" ? "403 (forbidden page)" : `→ ${expected}`}, got ${outcome.text}`,
              );
          }
        }
      }
    }
    for (const client of clients.values()) await client.dispose();
    console.log(`authz matrix (pages): ${cells} cells, ${failures.length} failing`);
    expect(failures).toEqual([]);
    expect(cells).toBeGreaterThanOrEqual(FLOOR);
  });
});
