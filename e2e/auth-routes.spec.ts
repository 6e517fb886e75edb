// Auth.js's own HTTP endpoints are not exposed (sign-in and sign-out run in server actions), and
// every path that sets the session cookie honours "remember me".
import { expect, test, type APIResponse, type BrowserContext } from "@playwright/test";
import { freshContext, gotoReady, newPerson, signIn, signOut, signUp, signUpAndSignIn } from "./helpers";
import { freshIp } from "./http-helpers";

const AUTH_ENDPOINTS: [method: "GET" | "POST", path: string][] = [
  ["GET", "/api/auth/session"],
  ["POST", "/api/auth/session"],
  ["GET", "/api/auth/providers"],
  ["GET", "/api/auth/csrf"],
  ["GET", "/api/auth/signin"],
  ["POST", "/api/auth/signin/credentials"],
  ["POST", "/api/auth/callback/credentials"],
  ["GET", "/api/auth/signout"],
  ["POST", "/api/auth/signout"],
  ["GET", "/api/auth/error"],
];

function expectNotExposed(response: APIResponse, what: string) {
  expect(response.status(), what).toBe(404);
  expect(response.headers()["set-cookie"] ?? "", `${what} sets no cookie`).toBe("");
}

const sessionCookie = async (context: BrowserContext) =>
  (await context.cookies()).find((c) => c.name.endsWith("authjs.session-token"));

test("Auth.js endpoints the app does not use answer 404 and set no cookie", async ({ request }) => {
  for (const [method, path] of AUTH_ENDPOINTS) {
    const response = await request.fetch(path, { method, headers: { "x-forwarded-for": freshIp() } });
    expectNotExposed(response, `${method} ${path}`);
  }
});

test("POST /api/auth/callback/credentials is not a second way to sign in", async ({ browser, request }) => {
  const person = newPerson();
  const context = await freshContext(browser);
  const page = await context.newPage();
  await signUp(page, person);
  const ip = freshIp();
  // What a script would do against Auth.js: fetch a CSRF token, then post the credentials with it.
  const csrf = await request.get("/api/auth/csrf", { headers: { "x-forwarded-for": ip } });
  expectNotExposed(csrf, "GET /api/auth/csrf");
  const csrfToken = csrf.ok() ? (((await csrf.json()) as { csrfToken?: string }).csrfToken ?? "") : "";
  const response = await request.post("/api/auth/callback/credentials", {
    headers: { "x-forwarded-for": ip, origin: new URL(page.url()).origin },
    form: { csrfToken, identifier: person.username, password: person.password, remember: "false" },
    maxRedirects: 0,
  });
  expectNotExposed(response, "POST /api/auth/callback/credentials");
  await context.close();
});

test("a sign-in without 'remember me' keeps a browser-session cookie on every path; with it, 30 days", async ({
  browser,
}) => {
  const person = newPerson();
  const context = await freshContext(browser);
  const page = await context.newPage();
  await signUpAndSignIn(page, person);
  const first = await sessionCookie(context);
  expect(first?.expires).toBe(-1);

  // Pages, and whatever a browser might still ask of /api/auth, leave it a browser-session cookie.
  for (const path of ["/dashboard", "/settings/profile", "/settings/sessions"]) {
    await gotoReady(page, path);
    await expect(page).toHaveURL(new RegExp(path));
  }
  for (const [method, path] of AUTH_ENDPOINTS) {
    expectNotExposed(await context.request.fetch(path, { method }), `${method} ${path} with a session`);
  }
  const afterReads = await sessionCookie(context);
  expect(afterReads?.value).toBe(first?.value);
  expect(afterReads?.expires).toBe(-1);

  // A password change rotates the session and rewrites the cookie: still no expiry.
  await gotoReady(page, "/settings/security");
  const newPassword = "copper meadow signal 71#";
  await page.getByLabel("Current password").fill(person.password);
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Confirm new password").fill(newPassword);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText(/Password changed\./)).toBeVisible();
  const rotated = await sessionCookie(context);
  expect(rotated?.value).not.toBe(first?.value);
  expect(rotated?.expires).toBe(-1);
  await gotoReady(page, "/settings/profile");
  await expect(page).toHaveURL(/\/settings\/profile/);

  // With "remember me" the cookie lasts the remembered lifetime (30 days by default).
  await signOut(page);
  // Signing out removes the cookie itself (set again with its own flags, Max-Age 0), not just the row.
  expect(await sessionCookie(context)).toBeUndefined();
  await signIn(page, person.username, newPassword, { remember: true });
  await expect(page).toHaveURL(/\/dashboard/);
  const remembered = await sessionCookie(context);
  const days = ((remembered?.expires ?? 0) - Date.now() / 1000) / 86_400;
  expect(days).toBeGreaterThan(29.9);
  expect(days).toBeLessThanOrEqual(30);
  await gotoReady(page, "/settings/sessions");
  expect((await sessionCookie(context))?.value).toBe(remembered?.value);
  await context.close();
});
