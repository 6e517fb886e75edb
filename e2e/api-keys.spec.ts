// A person makes an API key in Settings, copies it from the once-shown dialog, and a plain HTTP
// client (fetch, no browser cookies) uses it against /api/v1/me; after revoking it the next call is
// 401. Also: the API reference renders under the page CSP, and admins make service accounts.
// Screenshots (light, dark, phone width) go to /tmp/shots-api.
import { expect, test, type Page } from "@playwright/test";
import { signedInAs, withE2eDb } from "./support/admin-session";
import { gotoReady } from "./helpers";

const SHOTS = "/tmp/shots-api";
const shoot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

test.describe("API keys", () => {
  test("create a key in Settings, copy it once, use it with fetch, revoke it", async ({ browser, baseURL }) => {
    const { context, page } = await signedInAs(browser, ["manager"]);
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });

    await gotoReady(page, "/settings/api-keys");
    await expect(page.getByRole("link", { name: "API keys" })).toBeVisible();
    await expect(page.getByText("No API keys yet")).toBeVisible();
    await shoot(page, "settings-empty-light");

    await page.getByRole("button", { name: "Create API key" }).click();
    const dialog = page.getByRole("dialog", { name: "Create API key" });
    await dialog.getByRole("button", { name: "Create key" }).click();
    await expect(dialog.getByText("Name the key.")).toBeVisible();
    await expect(dialog.getByText("Choose at least one permission.")).toBeVisible();
    await dialog.getByLabel("Name").fill("Warehouse sync");
    await dialog.getByRole("checkbox", { name: /See customers/ }).check();
    await dialog.getByRole("checkbox", { name: /See products/ }).check();
    await dialog.getByLabel("Expires").selectOption("30");
    // Scopes are limited to what a Manager holds: nothing of user management beyond reading.
    await expect(dialog.getByRole("checkbox", { name: /Manage users/ })).toHaveCount(0);
    await shoot(page, "create-dialog-light");
    await dialog.getByRole("button", { name: "Create key" }).click();

    const shown = page.getByRole("dialog", { name: "Your new API key" });
    await expect(shown.getByText("Copy this key now")).toBeVisible();
    const secret = await shown.getByTestId("new-api-key").inputValue();
    expect(secret).toMatch(/^odk_live_[A-Za-z0-9_-]{43}$/);
    await shown.getByRole("button", { name: "Copy" }).click();
    await expect(shown.getByRole("button", { name: "Copied" })).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(secret);
    await shoot(page, "key-shown-once-light");
    await shown.getByRole("button", { name: "Done" }).click();

    // A plain HTTP client with the key: no cookies, nothing from the browser.
    const me = await fetch(`${baseURL}/api/v1/me`, { headers: { authorization: `Bearer ${copied}` } });
    expect(me.status).toBe(200);
    expect(me.headers.get("ratelimit-limit")).toBeTruthy();
    const body = (await me.json()) as {
      data: { authenticatedBy: string; permissions: string[]; apiKey: { name: string } };
    };
    expect(body.data.authenticatedBy).toBe("api_key");
    expect(body.data.permissions).toEqual(["customers.read", "products.read"]);
    expect(body.data.apiKey.name).toBe("Warehouse sync");

    // The list shows it, with its last use, and never the secret again.
    await gotoReady(page, "/settings/api-keys");
    const row = page.getByRole("row", { name: /Warehouse sync/ });
    await expect(row.getByText(secret.slice(0, 17))).toBeVisible();
    await expect(row.getByText("Active")).toBeVisible();
    await expect(row.getByText(/from /)).toBeVisible();
    expect(await page.content()).not.toContain(secret);
    await shoot(page, "settings-list-light");

    await row.getByRole("button", { name: "Revoke Warehouse sync" }).click();
    await page
      .getByRole("alertdialog", { name: /Revoke/ })
      .getByRole("button", { name: "Revoke key" })
      .click();
    await expect(page.getByRole("row", { name: /Warehouse sync/ }).getByText("Revoked")).toBeVisible();

    const after = await fetch(`${baseURL}/api/v1/me`, { headers: { authorization: `Bearer ${copied}` } });
    expect(after.status).toBe(401);
    expect(((await after.json()) as { code: string }).code).toBe("api_key_revoked");
    await context.close();
  });

  test("a session signed in over 15 minutes ago confirms with the password before making a key", async ({
    browser,
  }) => {
    const { page, account } = await signedInAs(browser, ["manager"]);
    // The session began 16 minutes ago (and the password before it, or the session would be void).
    const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString().replace("Z", "+00:00");
    withE2eDb((db) => {
      db.prepare(`UPDATE "User" SET "passwordChangedAt" = ? WHERE "id" = ?`).run(ago(30), account.id);
      db.prepare(`UPDATE "Session" SET "createdAt" = ? WHERE "userId" = ?`).run(ago(16), account.id);
    });
    await gotoReady(page, "/settings/api-keys");
    await page.getByRole("button", { name: "Create API key" }).click();
    const dialog = page.getByRole("dialog", { name: "Create API key" });
    await dialog.getByLabel("Name").fill("Nightly export");
    await dialog.getByRole("checkbox", { name: "All of Customers" }).check();
    await dialog.getByLabel("Your password").fill("not my password");
    await dialog.getByRole("button", { name: "Create key" }).click();
    await expect(dialog.getByText("This is not your current password.")).toBeVisible();
    await shoot(page, "confirm-password-light");
    await dialog.getByLabel("Your password").fill(account.password);
    await dialog.getByRole("button", { name: "Create key" }).click();
    await expect(page.getByRole("dialog", { name: "Your new API key" })).toBeVisible();
  });

  test("dark and phone: the settings page, the API reference under the CSP, service accounts", async ({ browser }) => {
    const { context, page } = await signedInAs(browser, ["super_admin"], { colorScheme: "dark" });
    const cspErrors: string[] = [];
    const consoleLines: string[] = [];
    page.on("console", (message) => {
      consoleLines.push(`${message.type()}: ${message.text()}`);
      if (/Content[- ]Security[- ]Policy|Refused to/i.test(message.text())) cspErrors.push(message.text());
    });
    page.on("pageerror", (error) => consoleLines.push(`pageerror: ${error.message}`));

    await gotoReady(page, "/settings/api-keys");
    await page.getByRole("button", { name: "Create API key" }).click();
    const dialog = page.getByRole("dialog", { name: "Create API key" });
    await dialog.getByLabel("Name").fill("Reporting");
    await dialog.getByRole("checkbox", { name: "All of Analytics" }).check();
    await dialog.getByLabel("Expires").selectOption("custom");
    await dialog.getByLabel("Expiry date").fill("2020-01-01");
    await dialog.getByRole("button", { name: "Create key" }).click();
    await expect(dialog.getByText("Choose a date in the future.")).toBeVisible();
    await dialog.getByLabel("Expires").selectOption("never");
    await dialog.getByRole("button", { name: "Create key" }).click();
    await expect(page.getByRole("dialog", { name: "Your new API key" })).toBeVisible();
    await shoot(page, "key-shown-once-dark");
    await page.getByRole("button", { name: "Done" }).click();
    await expect(page.getByRole("row", { name: /Reporting/ })).toBeVisible();
    await shoot(page, "settings-list-dark");

    await page.setViewportSize({ width: 390, height: 844 });
    await shoot(page, "settings-list-phone-dark");
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.goto("/docs/api");
    await expect(page.locator(".swagger-ui .opblock").first(), consoleLines.join("\n")).toBeVisible({
      timeout: 15_000,
    });
    // Swagger UI renders the path with <wbr> breaks; its data-path attribute holds it whole.
    await expect(page.locator('.swagger-ui .opblock-summary-path[data-path="/api/v1/me"]').first()).toBeVisible({
      timeout: 45_000,
    });
    await shoot(page, "docs-dark");
    expect(cspErrors, cspErrors.join("\n")).toEqual([]);

    await gotoReady(page, "/admin/service-accounts");
    await page.getByRole("button", { name: "New service account" }).first().click();
    const create = page.getByRole("dialog", { name: "New service account" });
    await create.getByLabel("Name", { exact: true }).fill("Warehouse robot");
    await create.getByLabel("Username").fill(`robot${Date.now().toString(36)}`);
    await create.getByRole("checkbox", { name: /^Staff/ }).check();
    await create.getByRole("button", { name: "Create service account" }).click();
    await expect(page.getByRole("heading", { name: "Warehouse robot" })).toBeVisible();
    await page.getByRole("button", { name: "Create key" }).first().click();
    const keyDialog = page.getByRole("dialog", { name: "Create API key" });
    await keyDialog.getByLabel("Name", { exact: true }).fill("robot key");
    await keyDialog.getByRole("checkbox", { name: /See customers/ }).check();
    await keyDialog.getByRole("button", { name: "Create key" }).click();
    await expect(page.getByRole("dialog", { name: "Your new API key" })).toBeVisible();
    await page.getByRole("button", { name: "Done" }).click();
    await expect(page.getByRole("row", { name: /robot key/ })).toBeVisible();
    await shoot(page, "service-account-dark");
    await gotoReady(page, "/admin/service-accounts");
    await shoot(page, "service-accounts-dark");
    await context.close();
  });

  test("the API reference in light mode at phone width", async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: "light", viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const lines: string[] = [];
    page.on("console", (message) => lines.push(`${message.type()}: ${message.text()}`));
    page.on("pageerror", (error) => lines.push(`pageerror: ${error.message}`));
    page.on("requestfailed", (request) => lines.push(`failed: ${request.url()}`));
    const scripts = page.waitForResponse((r) => r.url().includes("/docs/api/assets/init.js")).catch(() => null);
    await page.goto("/docs/api");
    const init = await scripts;
    lines.push(`init.js: ${init?.status() ?? "not requested"}`);
    await expect
      .poll(async () => page.locator(".swagger-ui .opblock").count(), { message: lines.join("\n"), timeout: 45_000 })
      .toBeGreaterThan(0);
    await shoot(page, "docs-phone-light");
    await context.close();
  });
});
