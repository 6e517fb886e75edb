// Helpers for plain-HTTP specs (Playwright's `request` fixture).
import { randomBytes } from "node:crypto";
import { expect, type APIResponse } from "@playwright/test";
import { newPerson } from "./helpers";

/** A client address of its own, sent as X-Forwarded-For (the app uses the right-most entry). */
export function freshIp(): string {
  const b = randomBytes(3);
  return `10.${b[0]}.${b[1]}.${b[2]}`;
}

/** A valid POST /api/v1/auth/sign-up body with a unique username and email. */
export function signUpBody(overrides: Record<string, unknown> = {}) {
  const p = newPerson();
  return { ...p, confirmPassword: p.password, ...overrides };
}

export type ProblemBody = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance: string;
  requestId: string;
  errors?: { field: string; message: string }[];
};

/** Asserts an RFC 9457 problem response of `status` and returns its body. */
export async function expectProblem(response: APIResponse, status: number, code?: string): Promise<ProblemBody> {
  expect(response.status(), await response.text()).toBe(status);
  expect(response.headers()["content-type"]).toMatch(/^application\/problem\+json/);
  const body = (await response.json()) as ProblemBody;
  expect(body.status).toBe(status);
  expect(typeof body.title).toBe("string");
  expect(typeof body.detail).toBe("string");
  expect(body.requestId).toBeTruthy();
  if (code) expect(body.code).toBe(code);
  return body;
}
