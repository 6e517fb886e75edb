import { expect, test } from "@playwright/test";
import { gotoReady } from "./helpers";
import { freshIp } from "./http-helpers";

test.describe("developer outbox", () => {
  test("answers requests from this machine", async ({ request }) => {
    const response = await request.get("/dev/outbox");
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain("Developer outbox");
  });

  test("does not exist for any other client of a production build", async ({ request }) => {
    const response = await request.get("/dev/outbox", { headers: { "x-forwarded-for": freshIp() } });
    expect(response.status()).toBe(404);
    expect(await response.text()).not.toContain("verify-email?token=");
  });

  test("the check-email page links to it only for this machine", async ({ browser }) => {
    const remote = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": freshIp() } });
    const page = await remote.newPage();
    await gotoReady(page, "/check-email?email=someone%40example.com");
    await expect(page.getByRole("link", { name: "Continue to sign in" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Open the developer outbox" })).toHaveCount(0);
    await remote.close();
    const local = await browser.newContext();
    const here = await local.newPage();
    await gotoReady(here, "/check-email?email=someone%40example.com");
    await expect(here.getByRole("link", { name: "Open the developer outbox" })).toBeVisible();
    await local.close();
  });
});
