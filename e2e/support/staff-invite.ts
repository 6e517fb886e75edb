// Helpers of the staff-approval and invitation specs: a sign-up that applies for a staff account,
// confirming the address through the mailed link, and screenshots in light and dark.
import { mkdirSync } from "node:fs";
import { expect, type Page } from "@playwright/test";
import { fillSignUpForm, gotoReady, newPerson } from "../helpers";
import { newestLinkTo } from "../mailbox";

export const SHOTS = "/tmp/shots-staff-invite";
mkdirSync(SHOTS, { recursive: true });

/** Full-page screenshots of the current page, light then dark (next-themes follows the system). */
export async function shotLightAndDark(page: Page, name: string) {
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.locator("html")).toHaveClass(scheme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/);
    await page.screenshot({ path: `${SHOTS}/${name}-${scheme}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: "light" });
}

/** Signs up through the form, ticking "I am applying for a staff account". */
export async function signUpForStaff(page: Page, person = newPerson(), options: { shot?: string } = {}) {
  await fillSignUpForm(page, person);
  const apply = page.getByRole("checkbox", { name: /I am applying for a staff account/ });
  await expect(apply).not.toBeChecked();
  await apply.check();
  if (options.shot) await shotLightAndDark(page, options.shot);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  return person;
}

/** Opens the confirmation link mailed to `email` and confirms it. */
export async function confirmEmail(page: Page, email: string) {
  await gotoReady(page, await newestLinkTo(email, "/verify-email"));
  await page.getByRole("button", { name: "Confirm email address" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/verify-email"));
}

/** The signed-in principal's permissions, as a third party sees them. */
export async function permissionsOf(page: Page): Promise<string[]> {
  const response = await page.request.get("/api/v1/me");
  expect(response.status()).toBe(200);
  return ((await response.json()) as { data: { permissions: string[] } }).data.permissions;
}
