// A user's admin page (/admin/users/[id]): a Super Admin assigns a role (it counts on the user's
// next request), bans with a reason (the user's open session is signed out on its next request),
// lifts the ban, signs out one device and then every device; a user without users.read gets 403,
// an unknown id the 404 page. Screenshots light and dark (and at phone width) go to
// /tmp/shots-user-admin/.
import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { freshContext, gotoReady } from "./helpers";
import { mailTo } from "./mailbox";
import { createAccount, signedInAs, signInAccount } from "./support/admin-session";

const SHOTS = "/tmp/shots-user-admin";
mkdirSync(SHOTS, { recursive: true });

async function openTab(page: Page, name: string) {
  await page.getByRole("tab", { name: new RegExp(`^${name}`) }).click();
}

/** The dialog opened by `button`, confirmed with `confirm` (and `reason` typed when asked). */
async function confirmIn(page: Page, button: string, confirm: string, reason?: string) {
  await page.getByRole("button", { name: button, exact: true }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toBeVisible();
  if (reason !== undefined) await dialog.getByLabel("Reason").fill(reason);
  await dialog.getByRole("button", { name: confirm, exact: true }).click();
  await expect(dialog).toBeHidden();
}

test("a Super Admin assigns a role, bans with a reason, lifts the ban and signs the user out", async ({ browser }) => {
  test.setTimeout(300_000); // four sign-ins, two with 2FA set-up, on a shared machine
  const { context: adminContext, page } = await signedInAs(browser, ["super_admin"], { firstName: "Ada" });
  const target = createAccount(["user"], { firstName: "Noor", lastName: "Haddad" });
  const targetContext = await freshContext(browser);
  const targetPage = await targetContext.newPage();
  await signInAccount(targetPage, target);
  await expect(targetPage.getByRole("link", { name: "Admin" })).toHaveCount(0);

  const response = await page.goto(`/admin/users/${target.id}`);
  expect(response?.status()).toBe(200);
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  await expect(page.getByRole("heading", { level: 1, name: "Noor Haddad" })).toBeVisible();
  await expect(page.getByText(`@${target.username} · ${target.email}`)).toBeVisible();
  const state = page.getByRole("list", { name: "Account state" });
  await expect(state.getByText("Active")).toBeVisible();
  await expect(state.getByText("Email verified")).toBeVisible();
  await expect(page).toHaveTitle(/Noor Haddad/);

  // Roles: tick Manager, review the change, save; the user's very next request holds it.
  await openTab(page, "Roles");
  await expect(page).toHaveURL(/tab=roles/);
  await page.getByRole("checkbox", { name: /^Manager/ }).check();
  await page.getByRole("button", { name: "Review and save" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog.getByText("Add Manager")).toBeVisible();
  await dialog.getByRole("button", { name: "Save roles" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Roles of Noor Haddad were updated.`)).toBeVisible();
  await expect(page.getByRole("tab", { name: /^Roles/ })).toContainText("2");
  await gotoReady(targetPage, "/dashboard");
  await expect(targetPage.getByRole("link", { name: "Admin" }).first()).toBeVisible();

  // Ban with a reason: the open session ends on its next request.
  await openTab(page, "Overview");
  await page.getByRole("button", { name: "Ban user" }).click();
  const ban = page.getByRole("alertdialog");
  await expect(ban.getByRole("button", { name: "Ban user" })).toBeDisabled();
  await ban.getByLabel("Reason").fill("Repeated spam on the board");
  await ban.getByRole("button", { name: "Ban user" }).click();
  await expect(ban).toBeHidden();
  await expect(state.getByText("Banned")).toBeVisible();
  await expect(page.getByText("Reason: Repeated spam on the board")).toBeVisible();
  await targetPage.goto("/dashboard");
  await expect(targetPage).toHaveURL(/\/sign-in/);
  await expect.poll(async () => (await mailTo(target.email)).some((m) => m.text.includes("Repeated spam on the board"))).toBe(true);

  // Lift the ban: the user signs in again, on two devices.
  await confirmIn(page, "Lift ban", "Lift ban");
  await expect(state.getByText("Active")).toBeVisible();
  await signInAccount(targetPage, target);
  const secondContext = await freshContext(browser);
  const secondPage = await secondContext.newPage();
  await signInAccount(secondPage, target);

  // Sessions: sign out one device, then every device.
  await page.reload();
  await openTab(page, "Sessions");
  const rows = page.getByTestId("user-session-row");
  await expect(rows).toHaveCount(2);
  await rows.first().getByRole("button", { name: "Sign out" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Sign out device" }).click();
  await expect(rows).toHaveCount(1);
  await confirmIn(page, "Sign out everywhere", "Sign out everywhere");
  await expect(page.getByText("Not signed in anywhere")).toBeVisible();
  for (const p of [targetPage, secondPage]) {
    await p.goto("/dashboard");
    await expect(p).toHaveURL(/\/sign-in/);
  }

  // Activity of and about the user names who did what.
  await openTab(page, "Activity");
  const activity = page.getByTestId("user-activity-row");
  await expect(activity.filter({ hasText: "Banned a user" })).toContainText("Repeated spam on the board");
  await expect(activity.filter({ hasText: "Changed a user's roles" })).toContainText("Added:manager");

  // Screenshots: light, dark, phone.
  await openTab(page, "Overview");
  await page.screenshot({ path: `${SHOTS}/user-detail-light.png`, fullPage: true });
  await openTab(page, "Roles");
  await page.screenshot({ path: `${SHOTS}/user-detail-roles-light.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.reload();
  await expect(page.locator("html.dark")).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/user-detail-roles-dark.png`, fullPage: true });
  await openTab(page, "Overview");
  await page.screenshot({ path: `${SHOTS}/user-detail-dark.png`, fullPage: true });
  await openTab(page, "Security");
  await page.screenshot({ path: `${SHOTS}/user-detail-security-dark.png`, fullPage: true });
  await openTab(page, "Activity");
  await page.screenshot({ path: `${SHOTS}/user-detail-activity-dark.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: "light" });
  await openTab(page, "Overview");
  await page.screenshot({ path: `${SHOTS}/user-detail-phone.png`, fullPage: true });
  await page.getByRole("button", { name: "Ban user" }).click();
  await page.screenshot({ path: `${SHOTS}/user-detail-ban-dialog-phone.png` });
  await page.keyboard.press("Escape");
  await expect(page.getByRole("alertdialog")).toBeHidden();

  await Promise.all([adminContext.close(), targetContext.close(), secondContext.close()]);
});

test("an Admin sees a Super Admin's page read-only, with the reason", async ({ browser }) => {
  const { context, page } = await signedInAs(browser, ["admin"]);
  const boss = createAccount(["super_admin"], { firstName: "Grace", lastName: "Okafor" });
  await gotoReady(page, `/admin/users/${boss.id}`);
  await expect(page.getByRole("button", { name: "Ban user" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Impersonate" })).toHaveCount(0);
  await expect(page.getByText(/holds permissions you do not have/).first()).toBeVisible();
  await openTab(page, "Roles");
  await expect(page.getByRole("checkbox", { name: /^Super Admin/ })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Review and save" })).toHaveCount(0);
  await context.close();
});

test("a signed-in user without users.read gets HTTP 403 on a user's page", async ({ browser }) => {
  const { context, page } = await signedInAs(browser, ["staff"]);
  const other = createAccount(["user"]);
  const response = await page.goto(`/admin/users/${other.id}`);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  await expect(page.getByText(other.email)).toHaveCount(0);
  await context.close();
});

test("an unknown id answers 404 with the not-found page", async ({ browser }) => {
  const { context, page } = await signedInAs(browser, ["super_admin"]);
  const response = await page.goto("/admin/users/no-such-user-id");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "No such user" })).toBeVisible();
  await page.getByRole("link", { name: "Back to all users" }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await context.close();
});
