import { expect, test } from "@playwright/test";

// Before (or without) JavaScript a form submits natively: it must never put a password in the URL,
// where it would end up in history, logs and Referer headers.
test("submitting the sign-in form without JavaScript never puts the password in the URL", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Username or email").fill("someone");
  await page.getByLabel("Password").fill("my secret passphrase 42");
  await page.getByLabel("Password").press("Enter");
  await page.waitForLoadState("load");
  expect(page.url()).not.toContain("secret");
  expect(page.url()).not.toContain("password=");
  await context.close();
});
