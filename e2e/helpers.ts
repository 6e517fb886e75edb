import { randomBytes } from "node:crypto";
import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { newestLinkTo } from "./mailbox";

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

/** Opens /sign-up and fills every field for `person`, without submitting. */
export async function fillSignUpForm(page: Page, person: ReturnType<typeof newPerson>) {
  await gotoReady(page, "/sign-up");
  await page.getByLabel("First name").fill(person.firstName);
  await page.getByLabel("Last name").fill(person.lastName);
  await page.getByLabel("Username").fill(person.username);
  await page.getByLabel("Email", { exact: true }).fill(person.email);
  await page.getByLabel("Date of birth").fill(person.dateOfBirth);
  await page.getByLabel("Password", { exact: true }).fill(person.password);
  await page.getByLabel("Confirm password").fill(person.password);
}

export async function signUp(page: Page, person: ReturnType<typeof newPerson>) {
  await fillSignUpForm(page, person);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
}

/**
 * The newest link to `path` in the mail delivered to `email` (the e2e server delivers through a fake
 * Resend: e2e/mailbox.ts). The developer outbox itself is for signed-in readers and has its own spec.
 */
export async function linkFromOutbox(_from: Page, email: string, path: string): Promise<string> {
  const link = await newestLinkTo(email, path);
  expect(link).toContain(path);
  return link;
}

export async function signIn(page: Page, identifier: string, password: string, options: { remember?: boolean } = {}) {
  await gotoReady(page, "/sign-in");
  await page.getByLabel("Username or email").fill(identifier);
  await page.getByLabel("Password").fill(password);
  if (options.remember) await page.getByLabel(/Remember me/).check();
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** A new person who signed up and then signed in (not yet verified), on the dashboard. */
export async function signUpAndSignIn(page: Page, person = newPerson()) {
  await signUp(page, person);
  await signIn(page, person.username, person.password);
  await expect(page).toHaveURL(/\/dashboard/);
  return person;
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in\?notice=signed-out/);
}

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}
