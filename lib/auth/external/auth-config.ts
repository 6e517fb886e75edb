// The Auth.js configuration. Auth.js runs the OAuth/OIDC protocol and nothing else:
// - Its own cookies have names of their own ("opsdeck-ext.*"), so nothing it writes can overwrite
//   or shadow the app's session cookie (lib/auth/cookie.ts, same Auth.js format and name family).
// - The sign-in callback hands the identity to the app's rules (completeExternalSignIn) and always
//   ends the flow with a redirect of its own: Auth.js never creates a user, links an account or
//   writes its session (and the adapter it holds refuses to, lib/auth/external/adapter.ts).
// - Only /api/auth/callback/<provider> is routed to it (lib/auth/external/handle-auth-request.ts);
//   sign-in starts through lib/auth/external/start-external-sign-in.ts.
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { AuthConfig } from "@auth/core";
import { secureCookies } from "@/lib/auth/cookie";
import { authJsAdapter } from "@/lib/auth/external/adapter";
import { identityFromProfile } from "@/lib/auth/external/identity";
import type { ExternalIntent } from "@/lib/auth/external/intent";
import { accountKey, authJsProviders, isExternalProviderId } from "@/lib/auth/external/providers";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { config as appConfig } from "@/lib/config";
import type { RequestContext } from "@/lib/http/request-context";
import {
  completeExternalSignIn,
  type CurrentSession,
  type ExternalSignInOutcome,
} from "@/lib/data/sign-in-methods/complete-external-sign-in";

export const AUTH_BASE_PATH = "/api/auth";

/** What one callback request knows before Auth.js runs, and the outcome the sign-in callback records. */
export type CallbackRun = {
  ctx: RequestContext;
  intent: ExternalIntent | null;
  current: CurrentSession;
  outcome?: ExternalSignInOutcome;
};

export const callbackRuns = new AsyncLocalStorage<CallbackRun>();

/** Where the browser goes after the callback; the handler reads the outcome for the cookies. */
export const OUTCOME_PATH = "/sign-in/external/done";

const cookie = (name: string) => ({
  // __Host- (lib/auth/cookie.ts): the state, PKCE and nonce cookies cannot be tossed from a sibling
  // subdomain, and they are set and overwritten together with the intent cookie (also __Host-), so a
  // callback meets the intent of the very start whose state it carries.
  name: `${secureCookies ? "__Host-" : ""}opsdeck-ext.${name}`,
  options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure: secureCookies },
});

let built: AuthConfig | undefined;

export function authConfig(): AuthConfig {
  built ??= {
    providers: authJsProviders(),
    adapter: authJsAdapter(),
    secret: env.AUTH_SECRET,
    basePath: AUTH_BASE_PATH,
    // Requests reach Auth.js with their URL rebuilt on APP_URL (handle-auth-request.ts), never
    // from a Host header, so the redirect_uri is always APP_URL's.
    trustHost: true,
    useSecureCookies: secureCookies,
    session: { strategy: "jwt", maxAge: 15 * 60 },
    cookies: {
      sessionToken: cookie("unused-session"),
      callbackUrl: cookie("callback-url"),
      csrfToken: cookie("csrf-token"),
      pkceCodeVerifier: cookie("pkce"),
      state: cookie("state"),
      nonce: cookie("nonce"),
      webauthnChallenge: cookie("challenge"),
    },
    pages: { signIn: "/sign-in", error: "/sign-in/external/error" },
    logger: {
      // Auth.js logs protocol failures (state mismatch, a refused token) with their cause; no
      // secrets are in them. Kept at the app's warn level.
      error: (error) => log.warn({ authjs: error.name }, `Auth.js: ${error.message}`),
      warn: () => {},
      debug: () => {},
    },
    callbacks: {
      async signIn({ account, profile, user }) {
        const run = callbackRuns.getStore();
        if (!run || !account || !isExternalProviderId(account.provider)) return false;
        const identity = identityFromProfile(
          account.provider,
          accountKey(account.provider, account.providerAccountId),
          (profile ?? {}) as Record<string, unknown>,
          user?.email,
        );
        run.outcome = await completeExternalSignIn(identity, run.intent, run.current, run.ctx);
        return `${appConfig.appUrl}${OUTCOME_PATH}`;
      },
      // Every redirect Auth.js makes stays on this origin.
      redirect({ url, baseUrl }) {
        try {
          return new URL(url, baseUrl).origin === new URL(baseUrl).origin ? url : baseUrl;
        } catch {
          return baseUrl;
        }
      },
      // Nothing is ever exposed through Auth.js's session: the app's sessions are its own.
      jwt: () => null,
      session: () => ({ expires: new Date(0).toISOString() }),
    },
  };
  return built;
}
