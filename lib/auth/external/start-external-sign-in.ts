// Starting a sign-in at a provider: Auth.js builds the authorization URL and its protocol cookies
// (state, PKCE verifier, nonce) on a request made on APP_URL, so the redirect_uri never comes from
// a Host header. The caller (a server action) sets the cookies and redirects; with them goes the
// signed intent cookie that the callback trusts for what to do with the identity.
import "server-only";
import { Auth, raw, skipCSRFCheck } from "@auth/core";
import type { ResponseInternal } from "@auth/core/types";
import { authConfig, AUTH_BASE_PATH } from "@/lib/auth/external/auth-config";
import { encodeIntent, INTENT_COOKIE, intentCookieOptions, type ExternalIntent } from "@/lib/auth/external/intent";
import { config } from "@/lib/config";

type Cookie = NonNullable<ResponseInternal["cookies"]>[number];

export type StartedSignIn = { url: string; cookies: Cookie[] };

export async function startExternalSignIn(intent: ExternalIntent, cookieHeader: string): Promise<StartedSignIn> {
  const request = new Request(`${config.appUrl}${AUTH_BASE_PATH}/signin/${intent.provider}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader },
    body: new URLSearchParams({ callbackUrl: `${config.appUrl}/` }),
  });
  const result = await Auth(request, { ...authConfig(), raw, skipCSRFCheck });
  if (!result.redirect || new URL(result.redirect).origin === new URL(config.appUrl).origin) {
    // Auth.js answers with its error page when the provider cannot be reached (discovery failed).
    throw new Error(`sign-in with ${intent.provider} could not start: ${result.redirect ?? "no redirect"}`);
  }
  return {
    url: result.redirect,
    cookies: [
      ...(result.cookies ?? []),
      { name: INTENT_COOKIE, value: encodeIntent(intent), options: intentCookieOptions },
    ],
  };
}
