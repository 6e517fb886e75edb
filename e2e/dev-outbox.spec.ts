// The developer outbox (DEV_OUTBOX on) shows a signed-in person the mail sent to their own address,
// and nothing to anyone else, wherever the request comes from. The e2e server delivers through a
// (fake) Resend, so the rows here carry their delivery state, not their bodies; reading decrypted
// bodies kept in outbox mode is proven by lib/data/email/list-outbox.integration.test.ts.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { freshContext, gotoReady, shot } from "./helpers";
import { freshIp, signUpBody } from "./http-helpers";

async function signUpByApi(request: APIRequestContext) {
  const body = signUpBody();
  const response = await request.post("/api/v1/auth/sign-up", {
    headers: { "x-forwarded-for": freshIp() },
    data: body,
  });
  expect(response.status(), await response.text()).toBe(201);
  return body;
}

test.describe("developer outbox", () => {
  test("a request from this machine without a session (as through a same-host proxy) reads nobody's mail", async ({
    request,
  }) => {
    const someone = await signUpByApi(request);
    const loopback: Record<string, string>[] = [{}, { "x-forwarded-for": "127.0.0.1" }, { "x-forwarded-for": "::1" }];
    for (const headers of loopback) {
      const direct = await request.get("/dev/outbox", { headers, maxRedirects: 0 });
      expect(direct.status()).toBe(307);
      expect(direct.headers()["location"]).toMatch(/\/sign-in\?next=%2Fdev%2Foutbox$/);
      const followed = await request.get("/dev/outbox", { headers });
      const html = await followed.text();
      expect(html).not.toContain(someone.email);
      expect(html).not.toContain("Confirm your email");
      expect(html).not.toContain("verify-email?token=");
    }
  });

  test("a signed-in person sees the mail to their own address and nobody else's", async ({ browser, request }) => {
    const me = await signUpByApi(request);
    const other = await signUpByApi(request);
    const context = await freshContext(browser);
    const page = await context.newPage();
    await gotoReady(page, "/dev/outbox");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fdev%2Foutbox$/);
    // Signing in on that page brings the person back to the outbox.
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
    await page.getByLabel("Username or email").fill(String(me.username));
    await page.getByLabel("Password").fill(String(me.password));
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/dev\/outbox$/);
    await expect(page.getByRole("heading", { name: "Developer outbox" })).toBeVisible();
    await expect(page.getByText("You see the messages sent to your own address.")).toBeVisible();
    const mine = page.locator("details", { hasText: `To ${me.email}` });
    await expect(mine.first()).toBeVisible();
    await expect(mine.first()).toContainText("Confirm your email");
    // Delivered through the provider: its body (the verification link) is not kept here.
    await expect(mine.first()).toContainText("Delivered by the mail provider");
    await expect(page.locator("body")).not.toContainText(String(other.email));
    expect(await page.content()).not.toContain("verify-email?token=");
    await shot(page, "dev-outbox-own-mail");
    await page.getByRole("link", { name: "Back to the app" }).click();
    await expect(page).toHaveURL(/\/dashboard/);
    await context.close();
  });

  test("the check-email page links to the outbox, which asks a visitor to sign in", async ({ browser }) => {
    const context = await freshContext(browser);
    const page = await context.newPage();
    await gotoReady(page, "/check-email?email=someone%40example.com");
    await page.getByRole("link", { name: "Open the developer outbox" }).click();
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fdev%2Foutbox$/);
    await context.close();
  });
});
