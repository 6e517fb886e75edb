// The cookie holding the raw token of a PendingExternalSignIn (lib/data/sign-in-methods/pending.ts).
import "server-only";
import { secureCookies } from "@/lib/auth/cookie";

export const PENDING_COOKIE = `${secureCookies ? "__Host-" : ""}opsdeck.external-pending`;

export const pendingCookieOptions = {
  httpOnly: true,
  sameSite: "lax" as const,
  secure: secureCookies,
  path: "/",
  maxAge: 15 * 60,
};
