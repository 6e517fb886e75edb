// What a bench does as a client of the app: create accounts through the public sign-up API and
// sign in through the sign-in server action, as the sign-in form does (Auth.js's HTTP endpoints
// are not mounted).
import { readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { formatTable } from "@/scripts/lib/format-table";

export const BENCH_PASSWORD = "violet harbor engine 4471";
export const USER_AGENT = "opsdeck-bench/1";
const REQUEST_TIMEOUT_MS = 60_000;

export async function signUp(base: string, index: number, username: string): Promise<void> {
  const res = await fetch(`${base}/api/v1/auth/sign-up`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "user-agent": USER_AGENT,
      // Sign-ups are limited to 10 per hour per client IP (the right-most X-Forwarded-For entry).
      "x-forwarded-for": `10.66.0.${index + 1}`,
    },
    body: JSON.stringify({
      username,
      email: `${username}@bench.opsdeck.test`,
      firstName: "Bench",
      lastName: `Account ${index + 1}`,
      dateOfBirth: "1990-05-17",
      password: BENCH_PASSWORD,
      confirmPassword: BENCH_PASSWORD,
    }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const body = await res.text();
  if (res.status !== 201) throw new Error(`sign-up of ${username} answered ${res.status}: ${body.slice(0, 300)}`);
}

/** The id Next.js gave the sign-in server action in the build in `distDir`. */
function signInActionId(distDir: string): string {
  const file = path.join(distDir, "server/server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(file, "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const entry = Object.entries(manifest.node).find(
    ([, v]) => v.exportedName === "signInAction" && v.filename?.endsWith("lib/actions/auth/sign-in.ts"),
  );
  if (!entry) throw new Error(`signInAction not found in ${file}`);
  return entry[0];
}

export type Outcome = "ok" | "invalid" | "throttled" | "other";
export type Attempt = { outcome: Outcome; ms: number; detail: string; sessionCookie?: string };

const actionIds = new Map<string, string>();

/** One POST of the sign-in server action; success is a 200 that sets the session cookie. */
export async function signIn(
  app: { base: string; distDir: string },
  identifier: string,
  password: string,
  ip: string,
): Promise<Attempt> {
  let actionId = actionIds.get(app.distDir);
  if (!actionId) actionIds.set(app.distDir, (actionId = signInActionId(app.distDir)));
  const t0 = performance.now();
  const res = await fetch(`${app.base}/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "next-action": actionId,
      origin: app.base,
      accept: "text/x-component",
      "content-type": "text/plain;charset=UTF-8",
      "user-agent": USER_AGENT,
      "x-forwarded-for": ip,
    },
    body: JSON.stringify([{ identifier, password, remember: false }, "$undefined"]),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const body = await res.text();
  const ms = performance.now() - t0;
  const sessionCookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0] ?? "")
    .find((c) => /^(__Host-)?authjs\.session-token=./.test(c));
  const code = /"code":"([a-z_]+)"/.exec(body)?.[1] ?? "";
  if (res.status === 200 && sessionCookie) return { outcome: "ok", ms, detail: "session cookie", sessionCookie };
  if (code === "invalid_credentials") return { outcome: "invalid", ms, detail: code };
  if (code === "rate_limited") return { outcome: "throttled", ms, detail: code };
  return { outcome: "other", ms, detail: `${res.status} ${body.slice(0, 200)}` };
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

/** Prints rows as an aligned table (scripts/lib/format-table.ts). */
export function printTable(header: string[], lines: string[][]): void {
  console.log(formatTable(header, lines));
}
