// The coarse gate (Next 16's successor to middleware.ts). It sets the per-request CSP nonce and
// sends people where they must be: signed-out visitors of app pages to /sign-in?next=…, sessions
// waiting for a second factor to that step. It decides nothing about permissions: pages, actions
// and route handlers check again through the DAL.
import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE, sessionCookieOptions, sessionTokenFromCookie } from "@/lib/auth/cookie";
import { ENROLMENT_PATH, SECOND_FACTOR_PATH } from "@/lib/auth/require-page-viewer";
import { validateSessionToken } from "@/lib/auth/sessions";
import { pageCsp } from "@/lib/http/csp";
import { env } from "@/lib/env";
import { APP_PATH_PREFIXES } from "@/lib/navigation";

const GUEST_ONLY = ["/sign-in", "/sign-up"];

const under = (path: string, prefixes: readonly string[]) =>
  prefixes.some((p) => path === p || path.startsWith(`${p}/`));

function redirectTo(request: NextRequest, path: string, next?: string): NextResponse {
  const url = new URL(path, request.nextUrl);
  if (next) url.searchParams.set("next", next);
  return NextResponse.redirect(url);
}

async function route(request: NextRequest): Promise<NextResponse | null> {
  const path = request.nextUrl.pathname;
  const gated =
    under(path, APP_PATH_PREFIXES) ||
    path === SECOND_FACTOR_PATH ||
    path === ENROLMENT_PATH ||
    GUEST_ONLY.includes(path);
  if (!gated) return null;

  const cookie = request.cookies.get(SESSION_COOKIE)?.value;
  const token = await sessionTokenFromCookie(cookie);
  const session = token ? await validateSessionToken(token) : null;
  const state = session?.state;
  const here = `${path}${request.nextUrl.search}`;

  let response: NextResponse | null = null;
  if (under(path, APP_PATH_PREFIXES)) {
    if (!session) response = redirectTo(request, "/sign-in", here);
    else if (state === "pending_second_factor") response = redirectTo(request, SECOND_FACTOR_PATH, here);
    else if (state === "pending_enrolment" || state === "enrolment_confirmed")
      response = redirectTo(request, ENROLMENT_PATH);
  } else if (path === SECOND_FACTOR_PATH) {
    if (!session) response = redirectTo(request, "/sign-in");
    else if (state !== "pending_second_factor") response = redirectTo(request, "/dashboard");
  } else if (path === ENROLMENT_PATH) {
    if (!session) response = redirectTo(request, "/sign-in");
    else if (state === "pending_second_factor") response = redirectTo(request, SECOND_FACTOR_PATH);
    else if (state === "active") response = redirectTo(request, "/settings/security");
  } else if (GUEST_ONLY.includes(path) && state === "active") {
    response = redirectTo(request, "/dashboard");
  }
  // A cookie whose session is gone is dropped, so the browser stops sending it.
  if (cookie && !session)
    (response ??= NextResponse.next()).cookies.set(SESSION_COOKIE, "", { ...sessionCookieOptions, maxAge: 0 });
  return response;
}

export async function proxy(request: NextRequest) {
  const requestId = crypto.randomUUID();
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = pageCsp(nonce, env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("x-request-id", requestId);
  headers.set("Content-Security-Policy", csp);

  const early = await route(request);
  const response =
    early && early.status >= 300 && early.status < 400 ? early : NextResponse.next({ request: { headers } });
  if (early && response !== early) for (const c of early.cookies.getAll()) response.cookies.set(c);
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("x-request-id", requestId);
  return response;
}

export const config = {
  // /api/* is left out: route handlers validate for themselves (withApi sets the request id and the
  // API CSP; next.config.mjs sets the CSP for the rest), and a proxy in front of them makes Next
  // buffer the whole request body before the handler can count it against its limit.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|logo.svg|robots.txt).*)"],
};
