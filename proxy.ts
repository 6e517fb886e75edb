// The coarse gate (Next 16's successor to middleware.ts). It sets the per-request CSP nonce and the
// request id, and sends visitors of app pages without a readable session cookie to
// /sign-in?next=…. It is optimistic and never touches the database: whether the session behind a
// cookie is alive, waiting for a second factor or held back for enrolment is decided by the page,
// action or route handler (lib/auth/require-page-viewer.ts and the DAL), once per request.
import { NextResponse, type NextRequest } from "next/server";
import { deletedSessionCookieOptions, SESSION_COOKIE, sessionTokenFromCookie } from "@/lib/auth/cookie";
import { ENROLMENT_PATH, REQUEST_PATH_HEADER, SECOND_FACTOR_PATH } from "@/lib/auth/page-paths";
import { pageCsp } from "@/lib/http/csp";
import { providerFormOrigins } from "@/lib/auth/external/configured-providers";
import { env } from "@/lib/env";
import { APP_PATH_PREFIXES } from "@/lib/navigation";

const under = (path: string, prefixes: readonly string[]) =>
  prefixes.some((p) => path === p || path.startsWith(`${p}/`));

function redirectTo(request: NextRequest, path: string, next?: string): NextResponse {
  const url = new URL(path, request.nextUrl);
  if (next) url.searchParams.set("next", next);
  return NextResponse.redirect(url);
}

/** A redirect for a visitor who cannot be signed in, or null to let the request through. */
async function route(request: NextRequest, here: string): Promise<NextResponse | null> {
  const path = request.nextUrl.pathname;
  const app = under(path, APP_PATH_PREFIXES);
  if (!app && path !== SECOND_FACTOR_PATH && path !== ENROLMENT_PATH) return null;
  const cookie = request.cookies.get(SESSION_COOKIE)?.value;
  if (await sessionTokenFromCookie(cookie)) return null;
  const response = redirectTo(request, "/sign-in", app ? here : undefined);
  // A cookie that does not decode (another secret, tampered, expired) is dropped, so the browser
  // stops sending it. One that decodes but whose session is over is dropped by the page's
  // redirect (app/(auth)/sign-in/session-ended/route.ts).
  if (cookie) response.cookies.set(SESSION_COOKIE, "", deletedSessionCookieOptions);
  return response;
}

/** Read once: the providers come from the environment, which does not change while running. */
const FORM_TARGETS = providerFormOrigins();

export async function proxy(request: NextRequest) {
  const requestId = crypto.randomUUID();
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = pageCsp(nonce, env.NODE_ENV === "development", FORM_TARGETS);
  const here = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("x-request-id", requestId);
  // Where a page's own redirect (session over, second factor due) should come back to.
  headers.set(REQUEST_PATH_HEADER, here);
  headers.set("Content-Security-Policy", csp);

  const response = (await route(request, here)) ?? NextResponse.next({ request: { headers } });
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
