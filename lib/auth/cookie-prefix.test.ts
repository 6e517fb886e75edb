// Over https every cookie the app sets is a __Host- cookie (Secure, Path=/, no Domain): a sibling
// subdomain cannot plant a session, an impersonation ticket or a sign-in's state on this origin.
import { afterAll, describe, expect, it, vi } from "vitest";

const previous = vi.hoisted(() => {
  const before = process.env.APP_URL;
  process.env.APP_URL = "https://ops.example.com";
  return before;
});
afterAll(() => {
  process.env.APP_URL = previous;
});

import { SESSION_COOKIE, sessionCookieOptions } from "@/lib/auth/cookie";
import { IMPERSONATION_COOKIE } from "@/lib/auth/impersonation-cookie";
import { INTENT_COOKIE, intentCookieOptions } from "@/lib/auth/external/intent";
import { PENDING_COOKIE } from "@/lib/auth/external/pending-cookie";
import { DEVICE_COOKIE } from "@/lib/auth/device-cookie";
import { PASSKEY_NONCE_COOKIE } from "@/lib/auth/passkey-nonce-cookie";
import { authConfig } from "@/lib/auth/external/auth-config";

describe("cookie names over https", () => {
  it("are all __Host- cookies", () => {
    const authJs = Object.values(authConfig().cookies ?? {}).map((c) => c!.name!);
    expect(authJs.length).toBeGreaterThanOrEqual(6);
    for (const name of [
      SESSION_COOKIE,
      IMPERSONATION_COOKIE,
      INTENT_COOKIE,
      PENDING_COOKIE,
      DEVICE_COOKIE,
      PASSKEY_NONCE_COOKIE,
      ...authJs,
    ]) {
      expect(name).toMatch(/^__Host-/);
    }
  });

  it("carry what the prefix requires: Secure, Path=/ and no Domain", () => {
    const authJs = Object.values(authConfig().cookies ?? {}).map((c) => c!.options!);
    for (const options of [sessionCookieOptions, intentCookieOptions, ...authJs]) {
      expect(options).toMatchObject({ secure: true, path: "/" });
      expect(options).not.toHaveProperty("domain");
    }
  });
});
