import { expect, test } from "@playwright/test";
import { freshContext, newPerson, shot, signUpAndSignIn } from "./helpers";

test("on a phone, the menu button opens the navigation and the page stays readable in dark mode", async ({
  browser,
}) => {
  const context = await freshContext(browser, "dark");
  const page = await context.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  const person = newPerson();
  await signUpAndSignIn(page, person);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Settings" })).not.toBeInViewport();
  await page.getByRole("button", { name: "Open navigation" }).click();
  await expect(nav.getByRole("link", { name: "Settings" })).toBeInViewport();
  await shot(page, "40-phone-navigation-dark");
  await nav.getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/settings\/profile/);
  await expect(nav.getByRole("link", { name: "Settings" })).not.toBeInViewport();
  await shot(page, "41-phone-profile-dark");
  await context.close();
});

test("the account menu works from the keyboard", async ({ browser }) => {
  const context = await freshContext(browser);
  const page = await context.newPage();
  const person = newPerson();
  await signUpAndSignIn(page, person);
  const trigger = page.getByRole("button", { name: /Account menu/ });
  await trigger.focus();
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu", { name: "Account" });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole("menuitem", { name: "Settings" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: "Security" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toHaveCount(0);
  await expect(trigger).toBeFocused();
  await page.keyboard.press("Enter");
  await page.keyboard.press("ArrowUp");
  await expect(menu.getByRole("menuitem", { name: "Sign out" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/sign-in\?notice=signed-out/);
  await context.close();
});
