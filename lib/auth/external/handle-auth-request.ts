// The Auth.js route, /api/auth/[...nextauth]. Only the providers' callbacks are served
// (/api/auth/callback/<configured provider>); Auth.js's session, csrf, providers, sign-in and
// sign-out endpoints answer 404, since the app's sessions are its own and sign-in starts through
// a server action (start-external-sign-in.ts).
//
// The callback runs Auth.js on a request rebuilt on APP_URL, inside a CallbackRun holding what the
// app's rules need (the intent cookie, this request's session, its context). The sign-in callback
// records the outcome there; this handler then turns it into the response: the app's session
// cookie, the pending cookie, and a same-origin redirect.
import "server-only";
import { Auth } from "@auth/core";
import { NextRequest, NextResponse } from "next/server";
import { SESSION_COOKIE, sessionCookieOptions, sessionTokenFromCookie } from "@/lib/auth/cookie";
import { authConfig, AUTH_BASE_PATH, callbackRuns, type CallbackRun } from "@/lib/auth/external/auth-config";
import { decodeIntent, INTENT_COOKIE, intentCookieOptions } from "@/lib/auth/external/intent";
import { PENDING_COOKIE, pendingCookieOptions } from "@/lib/auth/external/pending-cookie";
import { configuredProvider } from "@/lib/auth/external/providers";
import { writeSessionJwt } from "@/lib/auth/session-jwt";
import { validateSessionToken } from "@/lib/auth/sessions";
import { env } from "@/lib/env";
import { config } from "@/lib/config";
import { contextFromHeaders } from "@/lib/http/request-context";
import { safeNextPath } from "@/lib/http/urls";
import type { ExternalSignInOutcome } from "@/lib/data/sign-in-methods/complete-external-sign-in";

export const SIGN_IN_METHODS_PATH = "/settings/sign-in-methods";

const notFound = () =>
  NextResponse.json({ error: "Not found" }, { status: 404, headers: { "Cache-Control": "no-store" } });

/** The same-origin path an outcome leads to. */
export function outcomePath(outcome: ExternalSignInOutcome): string {
  switch (outcome.kind) {
    case "session":
      return safeNextPath(outcome.next);
    case "linked":
      return `${SIGN_IN_METHODS_PATH}?linked=${encodeURIComponent(outcome.provider)}`;
    case "pending":
      return outcome.purpose === "sign_up" ? "/sign-in/external/sign-up" : "/sign-in/external/link";
    case "refused":
      return `/sign-in/external/error?reason=${outcome.reason}${outcome.linking ? "&from=settings" : ""}`;
  }
}

export async function handleAuthRequest(request: Request): Promise<Response> {
  const incoming = new URL(request.url);
  const rest = incoming.pathname.startsWith(`${AUTH_BASE_PATH}/`)
    ? incoming.pathname.slice(AUTH_BASE_PATH.length + 1)
    : "";
  const [action, providerId, extra] = rest.split("/");
  if (action !== "callback" || extra !== undefined || !configuredProvider(providerId)) return notFound();

  const appUrl = new URL(config.appUrl);
  const url = new URL(`${incoming.pathname}${incoming.search}`, appUrl.origin);
  const body = request.method === "POST" ? await request.text() : undefined;
  const rebuilt = new NextRequest(url, { method: request.method, headers: request.headers, body });

  const cookies = rebuilt.cookies;
  const token = await sessionTokenFromCookie(cookies.get(SESSION_COOKIE)?.value);
  const session = token ? await validateSessionToken(token) : null;
  const run: CallbackRun = {
    ctx: contextFromHeaders(request.headers),
    intent: decodeIntent(cookies.get(INTENT_COOKIE)?.value),
    current: session
      ? { id: session.id, userId: session.user.id, state: session.state, impersonatorId: session.impersonatorId }
      : null,
  };
  const authResponse = await callbackRuns.run(run, () => Auth(rebuilt, authConfig()));

  const headers = new Headers(authResponse.headers);
  headers.set("Cache-Control", "no-store");
  const response = new NextResponse(
    authResponse.status >= 300 && authResponse.status < 400 ? null : authResponse.body,
    {
      status: authResponse.status,
      headers,
    },
  );
  response.cookies.set(INTENT_COOKIE, "", { ...intentCookieOptions, maxAge: 0 });
  const outcome = run.outcome;
  if (!outcome) return response;

  if (outcome.kind === "session") {
    // A provider sign-in is never "remember me": the cookie ends with the browser, the row's
    // expiry bounds it either way (lib/auth/session-cookie.ts writes the password one alike).
    const value = await writeSessionJwt(outcome.sessionToken, env.SESSION_REMEMBER_DAYS * 86_400, SESSION_COOKIE);
    response.cookies.set(SESSION_COOKIE, value, sessionCookieOptions);
  } else if (outcome.kind === "pending") {
    response.cookies.set(PENDING_COOKIE, outcome.token, pendingCookieOptions);
  }
  const location = new URL(outcomePath(outcome), appUrl.origin);
  return NextResponse.redirect(location, { status: 302, headers: response.headers });
}
