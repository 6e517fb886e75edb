// Helpers for integration tests: request contexts, users made through the real sign-up path.
import { randomBytes } from "node:crypto";
import type { RequestContext } from "@/lib/http/request-context";

/** A request context from a fresh random IP, so rate limits of one test do not touch another. */
export function testContext(overrides: Partial<RequestContext> = {}): RequestContext {
  const b = randomBytes(3);
  return {
    ip: `10.${b[0]}.${b[1]}.${b[2]}`,
    userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
    requestId: randomBytes(8).toString("hex"),
    ...overrides,
  };
}

export const STRONG_PASSWORD = "correct horse battery staple #42";

/** One fixed, valid sign-up, for schema tests that check how it is normalised. */
export const GRACE_SIGN_UP = {
  username: "GraceH",
  email: "Grace@Example.com",
  firstName: "Grace",
  lastName: "Hopper",
  dateOfBirth: "1990-12-09",
  password: STRONG_PASSWORD,
  confirmPassword: STRONG_PASSWORD,
};

export function uniqueName(prefix = "user"): string {
  // 48 random bits: the whole run shares one database, and with 32 bits two of its many thousand
  // test accounts did once get the same username (a failed run on PostgreSQL, 2026-12-03).
  return `${prefix}${randomBytes(6).toString("hex")}`;
}

/** A valid sign-up payload with unique username and email. */
export function signUpInput(overrides: Record<string, unknown> = {}) {
  const name = uniqueName();
  return {
    username: name,
    email: `${name}@example.com`,
    firstName: "Grace",
    lastName: "Hopper",
    dateOfBirth: "1990-12-09",
    password: STRONG_PASSWORD,
    confirmPassword: STRONG_PASSWORD,
    ...overrides,
  };
}
