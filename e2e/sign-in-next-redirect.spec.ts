// After sign-in the app returns to the page in ?next=, and never to another site.
import { expect, test, type Browser } from "@playwright/test";
import { freshContext, gotoReady } from "./helpers";
import { freshIp, signUpBody } from "./http-helpers";

async function signInWithNext(browser: Browser, baseURL: string, next: string) {
  const person = signUpBody();
  const created = await fetch(new URL("/api/v1/auth/sign-up", baseURL), {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": freshIp(), origin: baseURL },
    body: JSON.stringify(person),
  });
  expect(created.status).toBe(201);

  const context = await freshContext(browser);
  const page = await context.newPage();
  const offSite: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(baseURL)) offSite.push(r.url());
  });
  await gotoReady(page, `/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Username or email").fill(person.username);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  return { page, context, offSite };
}

test.describe("sign-in with ?next=", () => {
  test("returns to a same-origin page", async ({ browser, baseURL }) => {
    const { page, context } = await signInWithNext(browser, baseURL!, "/board?view=compact");
    await expect(page).toHaveURL(/\/board\?view=compact$/);
    await expect(page.getByRole("heading", { name: "Board" }).first()).toBeVisible();
    await context.close();
  });

  for (const next of [
    "//evil.example",
    "https://evil.example/",
    "/\\evil.example",
    "javascript:alert(1)",
    "/.//evil.example",
  ]) {
    test(`lands on /dashboard for next=${next}`, async ({ browser, baseURL }) => {
      const { page, context, offSite } = await signInWithNext(browser, baseURL!, next);
      await expect(page).toHaveURL(new RegExp(`^${baseURL}/dashboard$`));
      expect(offSite).toEqual([]);
      await context.close();
    });
  }
});
