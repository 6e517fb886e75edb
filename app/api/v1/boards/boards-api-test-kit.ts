// Shared set-up of the /api/v1/boards HTTP tests (the *.integration.test.ts files beside the
// routes): people with API keys, boards made and shared through the API itself, and session
// cookies for the same people, so each test reads as a sequence of requests a client would send.
// Test-only: nothing in the app imports it.
import { createSession } from "@/lib/auth/sessions";
import { SESSION_COOKIE } from "@/lib/auth/cookie";
import { writeSessionJwt } from "@/lib/auth/session-jwt";
import type { Permission } from "@/lib/rbac/permissions";
import type { BoardJson } from "@/lib/validations/board";
import { apiKeyFor } from "@/test/api-keys";
import { callRoute, type CallOptions } from "@/test/call-route";
import { createTestUser } from "@/test/create-test-user";
import { POST as createBoardRoute } from "./route";
import { POST as setMemberRoute } from "./[id]/members/route";

export type Person = { userId: string; key: string; keyId: string; username: string };

const BOARD_SCOPES: Permission[] = ["board.read", "board.write"];

/** A user of a built-in role with an API key (board.read and board.write unless told). */
export async function person(role = "staff", scopes: readonly Permission[] = BOARD_SCOPES): Promise<Person> {
  const user = await createTestUser({ role });
  const key = await apiKeyFor(user.id, scopes);
  return { userId: user.id, key: key.key, keyId: key.id, username: user.username };
}

/** Another key of the same person, with other scopes. */
export async function keyOf(p: Person, scopes: readonly Permission[]): Promise<string> {
  return (await apiKeyFor(p.userId, scopes)).key;
}

/** A board made by `owner` through POST /api/v1/boards, with members added through the API. */
export async function boardOf(
  owner: Person,
  members: { editor?: Person[]; viewer?: Person[]; owner?: Person[] } = {},
  body: Record<string, unknown> = {},
): Promise<BoardJson> {
  const made = await callRoute(createBoardRoute, "POST", "/api/v1/boards", {
    key: owner.key,
    body: { name: `API board ${Math.random().toString(36).slice(2, 8)}`, ...body },
  });
  if (made.status !== 201) throw new Error(`board not made: ${made.status} ${JSON.stringify(made.body)}`);
  const board = made.body.data as BoardJson;
  for (const [role, people] of Object.entries(members)) {
    for (const p of people ?? []) {
      const res = await callRoute(setMemberRoute, "POST", `/api/v1/boards/${board.id}/members`, {
        key: owner.key,
        params: { id: board.id },
        body: { userId: p.userId, role },
      });
      if (res.status !== 200) throw new Error(`member not added: ${res.status} ${JSON.stringify(res.body)}`);
    }
  }
  return board;
}

/** A signed-in browser session of the person: the cookie's value (the app's own writer). */
export async function sessionCookieOf(p: Person): Promise<{ name: string; value: string }> {
  const session = await createSession({ userId: p.userId, remember: false, ip: "203.0.113.9", userAgent: "vitest" });
  return { name: SESSION_COOKIE, value: await writeSessionJwt(session.token, 3600, SESSION_COOKIE) };
}

/** The request options of a same-origin browser call carrying `cookie` (no API key). */
export function asBrowser(cookie: { name: string; value: string }, options: CallOptions = {}): CallOptions {
  return {
    ...options,
    headers: { cookie: `${cookie.name}=${cookie.value}`, origin: "http://localhost:3000", ...options.headers },
  };
}

/** Field names of a 422 problem, sorted. */
export function fieldsOf(body: { errors?: { field: string }[] }): string[] {
  return (body.errors ?? []).map((e) => e.field).sort();
}

export const MISSING_ID = "cmissing00000000000000000";
