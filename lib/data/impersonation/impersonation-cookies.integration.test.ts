// The whole round trip through the real actions and the real request helpers (getViewer,
// requestContext), with next/headers standing in for the browser's cookie jar: start swaps the
// session cookie for the impersonation's and keeps the admin's in the return ticket; every event
// meanwhile keeps both identities; stop puts the admin's cookie back. And an impersonation ends as
// soon as the admin behind it could not start it any more.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const browser = vi.hoisted(() => ({ jar: new Map<string, string>(), after: [] as Promise<unknown>[] }));

vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (browser.jar.has(name) ? { name, value: browser.jar.get(name)! } : undefined),
    getAll: () => [...browser.jar].map(([name, value]) => ({ name, value })),
    has: (name: string) => browser.jar.has(name),
    // As a browser applies Set-Cookie: an empty value with Max-Age=0 deletes.
    set: (name: string, value: string, options?: { maxAge?: number }) => {
      if (options?.maxAge === 0 || value === "") browser.jar.delete(name);
      else browser.jar.set(name, value);
    },
    delete: (name: string) => browser.jar.delete(name),
  }),
  headers: async () =>
    new Headers({ "user-agent": "vitest browser", origin: "http://localhost:3000", "x-forwarded-for": "198.51.100.9" }),
}));

vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/cache")>()),
  revalidatePath: vi.fn(),
}));

vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  // Work after the response (notices, audit) runs at once; the tests wait for it as the request's end
  // would: on SQLite a write made meanwhile would otherwise join its open transaction.
  after: (task: unknown) => {
    browser.after.push(Promise.resolve(typeof task === "function" ? (task as () => unknown)() : task));
  },
}));

import { db } from "@/lib/db";
import { SESSION_COOKIE, sessionTokenFromCookie } from "@/lib/auth/cookie";
import { IMPERSONATION_COOKIE, ticketFromCookie } from "@/lib/auth/impersonation-cookie";
import { writeSessionJwt } from "@/lib/auth/session-jwt";
import { validateSessionToken } from "@/lib/auth/sessions";
import { getViewer } from "@/lib/auth/viewer";
import { startImpersonationAction } from "@/lib/actions/impersonation/start-impersonation";
import { stopImpersonationAction } from "@/lib/actions/impersonation/stop-impersonation";
import { changePasswordAction } from "@/lib/actions/settings/change-password";
import { updateProfileAction } from "@/lib/actions/settings/update-profile";
import { requestContext } from "@/lib/http/request-context";
import { signIn } from "@/test/accounts";
import { createTestUser } from "@/test/create-test-user";
import { STRONG_PASSWORD } from "@/test/helpers";

const REASON = "Walking through their settings with them on the phone";

beforeEach(() => browser.jar.clear());
afterEach(() => {
  vi.useRealTimers();
});

/** Where a server action's redirect() pointed. */
async function redirectOf(run: Promise<unknown>): Promise<string> {
  const caught = (await run.then(
    () => null,
    (e: unknown) => e,
  )) as { digest?: string } | null;
  const digest = caught?.digest ?? "";
  if (!digest.startsWith("NEXT_REDIRECT")) throw caught ?? new Error("the action did not redirect");
  return digest.split(";")[2]!;
}

async function cookieToken(): Promise<string | null> {
  return sessionTokenFromCookie(browser.jar.get(SESSION_COOKIE));
}

/** An Admin signed in in the stand-in browser, and a user to act as. */
async function adminInBrowser() {
  const admin = await createTestUser({ role: "admin", firstName: "Ada" });
  await db.user.update({ where: { id: admin.id }, data: { totpEnabledAt: new Date() } });
  const session = await signIn(admin.id);
  browser.jar.set(SESSION_COOKIE, await writeSessionJwt(session.token, 3600, SESSION_COOKIE));
  const target = await createTestUser({ firstName: "Tess" });
  return { admin, session, target };
}

async function startInBrowser() {
  const setup = await adminInBrowser();
  const result = await startImpersonationAction({ userId: setup.target.id, reason: REASON });
  expect(result).toEqual({ ok: true, data: { redirectTo: "/dashboard" } });
  await Promise.all(browser.after.splice(0));
  return setup;
}

describe("impersonation through the browser's cookies", () => {
  it("start swaps the session cookie and keeps the admin's in an encrypted ticket; stop swaps it back", async () => {
    const { admin, session, target } = await startInBrowser();

    const token = await cookieToken();
    expect(token).not.toBe(session.token);
    const ticket = await ticketFromCookie(browser.jar.get(IMPERSONATION_COOKIE));
    expect(ticket?.adminToken).toBe(session.token);
    // The ticket is opaque: the admin's token does not appear in it.
    expect(browser.jar.get(IMPERSONATION_COOKIE)).not.toContain(session.token);

    const viewer = await getViewer();
    expect(viewer).toMatchObject({ userId: target.id, impersonatorId: admin.id, sessionState: "active" });
    expect(await requestContext()).toMatchObject({ impersonatorId: admin.id });

    // An action taken meanwhile is the user's, with the admin kept beside it.
    expect(await updateProfileAction({ firstName: "Tessa", lastName: "Person", dateOfBirth: "1990-01-01" })).toMatchObject({ ok: true });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "user.profile_updated", targetId: target.id } });
    expect(event.actorId).toBe(target.id);
    expect(JSON.parse(event.metadata)).toMatchObject({ impersonatorId: admin.id });

    // What the impersonation may never do.
    expect(
      await changePasswordAction({ currentPassword: STRONG_PASSWORD, password: "violet tractor umbrella 1987 !", confirmPassword: "violet tractor umbrella 1987 !" }),
    ).toMatchObject({ ok: false, code: "impersonation_restricted" });

    expect(await redirectOf(stopImpersonationAction())).toBe(`/admin/users/${target.id}`);
    expect(await cookieToken()).toBe(session.token);
    expect(browser.jar.has(IMPERSONATION_COOKIE)).toBe(false);
    expect(await getViewer()).toMatchObject({ userId: admin.id, impersonatorId: null });
    const stopped = await db.auditEvent.findFirstOrThrow({ where: { action: "impersonation.stopped", targetId: target.id } });
    expect(stopped.actorId).toBe(admin.id);
    expect(await db.emailOutbox.count({ where: { to: target.email, subject: { contains: "acted as you" } } })).toBe(1);
  });

  it("after the 30 minutes, stop still returns the admin to their own session", async () => {
    const { session, target } = await startInBrowser();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 30 * 60_000 + 5000);
    expect(await getViewer()).toBeNull();
    expect(await redirectOf(stopImpersonationAction())).toBe(`/admin/users/${target.id}`);
    expect(await cookieToken()).toBe(session.token);
  });

  it("after a sign-out (session cookie gone) the ticket alone resumes nothing", async () => {
    const { session } = await startInBrowser();
    browser.jar.delete(SESSION_COOKIE);
    expect(await redirectOf(stopImpersonationAction())).toBe("/sign-in");
    expect(browser.jar.has(SESSION_COOKIE)).toBe(false);
    expect(browser.jar.has(IMPERSONATION_COOKIE)).toBe(false);
    // The admin's session itself is not harmed; it is just not handed out.
    expect(await validateSessionToken(session.token)).not.toBeNull();
  });

  it("a forged or foreign ticket does not read", async () => {
    const { session } = await startInBrowser();
    const genuine = browser.jar.get(IMPERSONATION_COOKIE)!;
    expect(await ticketFromCookie(browser.jar.get(SESSION_COOKIE))).toBeNull();
    expect(await ticketFromCookie(await writeSessionJwt(session.token, 3600, SESSION_COOKIE))).toBeNull();
    const flipped = genuine.slice(0, -3) + (genuine.slice(-3) === "AAA" ? "BBB" : "AAA");
    expect(await ticketFromCookie(flipped)).toBeNull();
    expect(await ticketFromCookie(genuine)).not.toBeNull();
  });

  it("ends at once when the admin is banned, loses users.impersonate or their own session, or the user comes to hold more", async () => {
    const banned = await startInBrowser();
    await db.user.update({ where: { id: banned.admin.id }, data: { status: "banned", bannedAt: new Date() } });
    expect(await getViewer()).toBeNull();
    expect(await db.session.count({ where: { impersonatorId: banned.admin.id } })).toBe(0);

    browser.jar.clear();
    const demoted = await startInBrowser();
    const userRole = await db.role.findUniqueOrThrow({ where: { key: "user" }, select: { id: true } });
    await db.userRole.deleteMany({ where: { userId: demoted.admin.id } });
    await db.userRole.create({ data: { userId: demoted.admin.id, roleId: userRole.id } });
    expect(await getViewer()).toBeNull();

    browser.jar.clear();
    const outgrown = await startInBrowser();
    expect(await getViewer()).toMatchObject({ userId: outgrown.target.id });
    // The user is given, meanwhile, a role with a permission the Admin lacks.
    const superAdmin = await db.role.findUniqueOrThrow({ where: { key: "super_admin" }, select: { id: true } });
    await db.userRole.create({ data: { userId: outgrown.target.id, roleId: superAdmin.id } });
    expect(await getViewer()).toBeNull();

    browser.jar.clear();
    const revoked = await startInBrowser();
    expect(await getViewer()).toMatchObject({ userId: revoked.target.id });
    await db.session.delete({ where: { id: revoked.session.sessionId } });
    expect(await getViewer()).toBeNull();
    // Stop then ends it for the record and sends the admin to sign in.
    expect(await redirectOf(stopImpersonationAction())).toBe("/sign-in?notice=session-ended");
    expect(browser.jar.has(SESSION_COOKIE)).toBe(false);
    const stopped = await db.auditEvent.findFirstOrThrow({ where: { action: "impersonation.stopped", targetId: revoked.target.id } });
    expect(JSON.parse(stopped.metadata)).toMatchObject({ ended: "ended" });
  });

  it("stop from one's own session signs nobody out", async () => {
    const { admin, session } = await adminInBrowser();
    expect(await redirectOf(stopImpersonationAction())).toBe("/dashboard");
    expect(await cookieToken()).toBe(session.token);
    expect(await getViewer()).toMatchObject({ userId: admin.id });
  });
});
