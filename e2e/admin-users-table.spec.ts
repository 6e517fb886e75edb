import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { gotoReady } from "./helpers";
import { signedInAs } from "./support/admin-session";
import { createTableUsers } from "./support/ui-kit";

const SHOTS = "/tmp/shots-ui-kit";
mkdirSync(SHOTS, { recursive: true });

const rows = (page: Page) => page.getByTestId("user-row");
const range = (page: Page) => page.getByTestId("table-range");
const header = (page: Page, name: string) => page.getByRole("columnheader", { name: new RegExp(`^${name}`) });

test("a Super Admin searches, filters, sorts and pages through users, the URL keeps it all, and bulk-bans with a reason", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  // 30 users: u00 … u29, three of them (u00, u10, u20) banned already.
  const { marker, users } = createTableUsers(30, { banned: (i) => i % 10 === 0 });
  const { context, page } = await signedInAs(browser, ["super_admin"]);
  await gotoReady(page, "/admin/users");
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Invite user" })).toHaveAttribute("href", "/admin/invitations");

  // Search: the URL follows the box, the range counts only matching users.
  await page.getByLabel("Search users").fill(marker);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${marker}`));
  await expect(range(page)).toHaveText("Showing 1–25 of 30 users");
  await expect(rows(page)).toHaveCount(25);
  // The table stayed mounted while the results changed: the box kept focus and what was typed.
  await expect(page.getByLabel("Search users")).toBeFocused();
  await expect(page.getByLabel("Search users")).toHaveValue(marker);

  // Page size.
  await page.getByLabel("Rows per page").selectOption("10");
  await expect(page).toHaveURL(/[?&]limit=10/);
  await expect(range(page)).toHaveText("Showing 1–10 of 30 users");
  await expect(rows(page)).toHaveCount(10);

  // Show the hidden Username column, then sort by it (ascending first).
  await page.getByRole("button", { name: "Columns" }).click();
  await page.getByRole("menuitemcheckbox", { name: "Username" }).click();
  await page.keyboard.press("Escape");
  await expect(header(page, "Username")).toHaveAttribute("aria-sort", "none");
  await header(page, "Username").getByRole("link").click();
  await expect(page).toHaveURL(/[?&]sort=username/);
  await expect(header(page, "Username")).toHaveAttribute("aria-sort", "ascending");
  await expect(rows(page).first()).toContainText(`@${marker}u00`);
  await expect(rows(page).last()).toContainText(`@${marker}u09`);

  // Keyset pages: Next, Next, then Previous and First.
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(range(page)).toHaveText("Showing 11–20 of 30 users");
  await expect(page).toHaveURL(/[?&]cursor=/);
  await expect(rows(page).first()).toContainText(`@${marker}u10`);
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(range(page)).toHaveText("Showing 21–30 of 30 users");
  await expect(page.getByRole("link", { name: "Next page" })).toHaveCount(0);
  await expect(rows(page).last()).toContainText(`@${marker}u29`);
  await page.getByRole("link", { name: "Previous page" }).click();
  await expect(range(page)).toHaveText("Showing 11–20 of 30 users");
  await expect(rows(page).first()).toContainText(`@${marker}u10`);

  // A reload keeps search, sort, page size, page and the shown column.
  await page.reload();
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  await expect(range(page)).toHaveText("Showing 11–20 of 30 users");
  await expect(page.getByLabel("Search users")).toHaveValue(marker);
  await expect(header(page, "Username")).toHaveAttribute("aria-sort", "ascending");
  await expect(rows(page).first()).toContainText(`@${marker}u10`);

  // Flipping the sort starts again at the first page.
  await header(page, "Username").getByRole("link").click();
  await expect(page).toHaveURL(/[?&]sort=-username/);
  await expect(page).not.toHaveURL(/cursor=/);
  await expect(header(page, "Username")).toHaveAttribute("aria-sort", "descending");
  await expect(rows(page).first()).toContainText(`@${marker}u29`);
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(range(page)).toHaveText("Showing 11–20 of 30 users");
  await page.getByRole("link", { name: "First page" }).click();
  await expect(range(page)).toHaveText("Showing 1–10 of 30 users");

  // A filter (also clears the cursor) and the empty state with its way out.
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(range(page)).toHaveText("Showing 11–20 of 30 users");
  await page.getByLabel("Status", { exact: true }).selectOption("banned");
  await expect(page).toHaveURL(/[?&]status=banned/);
  await expect(page).not.toHaveURL(/cursor=/);
  await expect(range(page)).toHaveText("Showing 1–3 of 3 users");
  await expect(rows(page).getByText("Banned", { exact: true })).toHaveCount(3);
  await page.getByLabel("Two-factor").selectOption("on");
  await expect(range(page)).toHaveText("Showing 1–1 of 1 user"); // u00 only (every third has 2FA)
  await page.getByLabel("Search users").fill(`${marker}-nobody`);
  await expect(page.getByRole("heading", { name: "No users match" })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/users-empty-light.png`, fullPage: true });
  await page.getByRole("link", { name: "Clear filters" }).last().click();
  await expect(page).not.toHaveURL(/status=|q=|twoFactor=/);
  await expect(page.getByLabel("Search users")).toHaveValue("");
  await expect(page).toHaveURL(/sort=-username/);

  // Bulk ban: pick two active users on the first page, ascending by username.
  await gotoReady(page, `/admin/users?q=${marker}&sort=username&limit=10`);
  const first = users[1]!;
  const second = users[2]!;
  await page.getByLabel(`Select ${first.firstName} ${first.lastName} (@${first.username})`).check();
  await page.getByLabel(`Select ${second.firstName} ${second.lastName} (@${second.username})`).check();
  await expect(page.getByTestId("selected-count")).toHaveText("2 selected");
  await page.screenshot({ path: `${SHOTS}/users-selected-light.png`, fullPage: true });
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Ban" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Ban 2 users?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Ban 2 users" })).toBeDisabled();
  await dialog.getByLabel("Reason").fill("Spam accounts from one campaign");
  await page.screenshot({ path: `${SHOTS}/users-ban-dialog-light.png` });
  await dialog.getByRole("button", { name: "Ban 2 users" }).click();
  await expect(page.getByText("Banned 2 users.")).toBeVisible();
  await expect(dialog).toBeHidden();
  for (const u of [first, second]) {
    await expect(
      rows(page)
        .filter({ hasText: `@${u.username}` })
        .getByText("Banned", { exact: true }),
    ).toBeVisible();
  }
  await expect(page.getByTestId("selected-count")).toHaveCount(0);
  await gotoReady(page, `/admin/users?q=${marker}&status=banned`);
  await expect(range(page)).toHaveText("Showing 1–5 of 5 users");

  // Escape closes a dialog and nothing happens.
  await gotoReady(page, `/admin/users?q=${marker}&sort=username&limit=10&status=active`);
  await rows(page).first().getByRole("checkbox").check();
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Assign role" }).click();
  await expect(page.getByRole("alertdialog")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("alertdialog")).toBeHidden();

  // A row opens the user's page.
  await rows(page).first().getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/admin/users/${marker}`));

  // Screenshots, light and dark, desktop and phone.
  await gotoReady(page, `/admin/users?q=${marker}&limit=10`);
  await page.screenshot({ path: `${SHOTS}/users-light.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await gotoReady(page, `/admin/users?q=${marker}&limit=10`);
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.screenshot({ path: `${SHOTS}/users-dark.png`, fullPage: true });
  await rows(page).nth(1).getByRole("checkbox").check();
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Ban" }).click();
  await page.screenshot({ path: `${SHOTS}/users-ban-dialog-dark.png` });
  await page.keyboard.press("Escape");
  await page.setViewportSize({ width: 390, height: 844 });
  await gotoReady(page, `/admin/users?q=${marker}&limit=10`);
  await page.screenshot({ path: `${SHOTS}/users-phone-dark.png`, fullPage: true });
  const scroller = page.getByRole("table", { name: "Users" }).locator("xpath=..");
  expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await context.close();
});

test("a Manager (users.read only) sees the table without selection or bulk actions", async ({ browser }) => {
  const { marker } = createTableUsers(3);
  const { context, page } = await signedInAs(browser, ["manager"]);
  await gotoReady(page, `/admin/users?q=${marker}`);
  await expect(rows(page)).toHaveCount(3);
  await expect(page.getByRole("checkbox")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Invite user" })).toHaveCount(0);
  await context.close();
});
