// Auth.js (next-auth v5) configuration. Auth.js carries the session cookie (an encrypted JWT whose
// only claim is the raw session token) and runs the Credentials sign-in; the Session table decides
// whether that token is still good (lib/auth/sessions.ts), so every session can be revoked.
//
// Only the in-process `signIn` / `signOut` (called from server actions) are used. Auth.js's HTTP
// endpoints (/api/auth/session, /csrf, /providers, /callback/credentials, /signout…) are not
// mounted: the session endpoint re-issued the cookie with a 30-day expiry, turning a browser-session
// sign-in into a persistent one, and the credentials callback was a second sign-in path that could
// not honour "remember me". The app reads its cookie itself (lib/auth/viewer.ts).
import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authenticateWithPassword } from "@/lib/data/auth/authenticate-with-password";
import { contextFromHeaders } from "@/lib/http/request-context";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { signInSchema } from "@/lib/validations/auth";
import { secureCookies, SESSION_COOKIE } from "@/lib/auth/cookie";
import { deleteSessionByToken } from "@/lib/auth/sessions";

/** A sign-in refusal whose `code` the form turns into a message ("invalid", "throttled:SECONDS"). */
class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

export const { signIn, signOut } = NextAuth({
  secret: env.AUTH_SECRET,
  trustHost: true,
  useSecureCookies: secureCookies,
  cookies: { sessionToken: { name: SESSION_COOKIE } },
  // The cookie a sign-in sets lasts this long ("remember me"); without it the sign-in action makes
  // it a browser-session cookie at once (makeSessionCookieBrowserOnly in lib/auth/session-cookie.ts).
  session: { strategy: "jwt", maxAge: env.SESSION_REMEMBER_DAYS * 86_400 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin) return; // an expected refusal, audited elsewhere
      log.error({ err: error }, "auth.js error");
    },
    warn(code) {
      log.warn({ code }, "auth.js warning");
    },
  },
  providers: [
    Credentials({
      credentials: { identifier: {}, password: {}, remember: {} },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse({
          identifier: credentials.identifier,
          password: credentials.password,
          remember: credentials.remember === "true",
        });
        if (!parsed.success) throw new SignInRefused("invalid");
        const result = await authenticateWithPassword(parsed.data, contextFromHeaders(request.headers));
        if (!result.ok) {
          throw new SignInRefused(result.reason === "throttled" ? `throttled:${result.retryAfterSeconds}` : "invalid");
        }
        return { id: result.userId, sessionToken: result.sessionToken };
      },
    }),
  ],
  callbacks: {
    // The JWT holds the session token and nothing else: no name, email or picture. It is made at
    // sign-in and never refreshed by Auth.js: a re-read (its session endpoint or `auth()`, neither
    // used) would re-issue the cookie for session.maxAge whatever "remember me" said, so it is
    // refused (Auth.js then clears the cookie) rather than extended.
    jwt({ user }) {
      return user ? { sid: (user as { sessionToken: string }).sessionToken } : null;
    },
  },
  events: {
    // Signing out through Auth.js (the in-process signOut) must end the server-side session too.
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await deleteSessionByToken(sid);
    },
  },
});
