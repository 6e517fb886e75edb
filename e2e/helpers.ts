import { randomBytes } from "node:crypto";
import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";

export const PASSWORD = "tidal quartz lantern 93!";

export function newPerson() {
  const id = randomBytes(4).toString("hex");
  return {
    username: `e2e${id}`,
    email: `e2e${id}@example.com`,
    firstName: "Maya",
    lastName: "Lindqvist",
    dateOfBirth: "1992-04-17",
    password: PASSWORD,
  };
}

/** A browser context that looks like its own client IP, so per-IP limits of one test do not touch others. */
export async function freshContext(browser: Browser, colorScheme: "light" | "dark" = "light"): Promise<BrowserContext> {
  const b = randomBytes(3);
  return browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": `10.${b[0]}.${b[1]}.${b[2]}` }, colorScheme });
}

/** Navigates and waits until React has hydrated the page (forms typed into earlier are reset). */
export async function gotoReady(page: Page, url: string) {
  await page.goto(url);
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

export async function signUp(page: Page, person: ReturnType<typeof newPerson>) {
  await gotoReady(page, "/sign-up");
  await page.getByLabel("First name").fill(person.firstName);
  await page.getByLabel("Last name").fill(person.lastName);
  await page.getByLabel("Username").fill(person.username);
  await page.getByLabel("Email", { exact: true }).fill(person.email);
  await page.getByLabel("Date of birth").fill(person.dateOfBirth);
  await page.getByLabel("Password", { exact: true }).fill(person.password);
  await page.getByLabel("Confirm password").fill(person.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
}

/**
 * The newest link to `path` in the developer outbox for `email`. The outbox answers only requests
 * from this machine, so it is read from a context that does not pose as another client.
 */
export async function linkFromOutbox(from: Page, email: string, path: string): Promise<string> {
  const local = await from.context().browser()!.newContext();
  const page = await local.newPage();
  try {
    return await readOutbox(page, email, path);
  } finally {
    await local.close();
  }
}

async function readOutbox(page: Page, email: string, path: string): Promise<string> {
  await gotoReady(page, "/dev/outbox");
  const card = page.locator("details", { hasText: `To ${email}` }).first();
  await expect(card).toBeVisible();
  const href = await card
    .locator(`a[href*="${path}"]`)
    .first()
    .getAttribute("href", { timeout: 5000 })
    .catch(async () => {
      await card.locator("summary").click();
      return card.locator(`a[href*="${path}"]`).first().getAttribute("href");
    });
  expect(href).toBeTruthy();
  return href!;
}

export async function signIn(page: Page, identifier: string, password: string, options: { remember?: boolean } = {}) {
  await gotoReady(page, "/sign-in");
  await page.getByLabel("Username or email").fill(identifier);
  await page.getByLabel("Password").fill(password);
  if (options.remember) await page.getByLabel(/Remember me/).check();
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in\?notice=signed-out/);
}

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}
