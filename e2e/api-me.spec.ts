// GET /api/v1/me: the signed-in principal for a session cookie; 401 problem+json otherwise.
import { expect, test } from "@playwright/test";
import { freshContext, signOut, signUpAndSignIn } from "./helpers";
import { expectProblem } from "./http-helpers";

test.describe("GET /api/v1/me", () => {
  test("401 problem+json without a session cookie, and with a forged one", async ({ request }) => {
    await expectProblem(await request.get("/api/v1/me"), 401, "unauthenticated");
    const forged = await request.get("/api/v1/me", { headers: { cookie: "authjs.session-token=not-a-real-token" } });
    await expectProblem(forged, 401, "unauthenticated");
  });

  test("a signed-in person gets who they are, their roles and permissions; signed out, 401 again", async ({
    browser,
  }) => {
    const context = await freshContext(browser);
    const page = await context.newPage();
    const person = await signUpAndSignIn(page);

    const response = await page.request.get("/api/v1/me");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^application\/json/);
    expect(response.headers()["cache-control"]).toBe("no-store");
    expect(response.headers()["content-security-policy"]).toContain("default-src 'none'");
    const { data } = (await response.json()) as { data: Record<string, unknown> };
    expect(data).toMatchObject({
      username: person.username,
      email: person.email,
      firstName: person.firstName,
      emailVerified: false,
      twoFactorEnabled: false,
      roles: [{ key: "user", name: "User" }],
    });
    expect(Array.isArray(data.permissions)).toBe(true);
    expect(JSON.stringify(data)).not.toMatch(/password|hash|secret|token/i);

    await signOut(page);
    await expectProblem(await page.request.get("/api/v1/me"), 401, "unauthenticated");
    await context.close();
  });
});
