// The roles console: a Manager is refused with HTTP 403; a Super Admin creates a custom role with
// two permissions and a parent, reviews the diff, assigns it, and the holder's navigation and
// access follow on their next request without signing in again. Screenshots of the list and the
// editor, light and dark, phone width, go to /tmp/shots-roles/.
import { mkdirSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { gotoReady } from "./helpers";
import { createAccount, signedInAs, withE2eDb } from "./support/admin-session";

const SHOTS = "/tmp/shots-roles";
mkdirSync(SHOTS, { recursive: true });

/** Full page, or what one sees on arriving (sticky bars make full-page shots of long forms misleading). */
async function shot(page: Page, name: string, fullPage = true) {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });
}

async function dark(page: Page, on: boolean) {
  await page.emulateMedia({ colorScheme: on ? "dark" : "light" });
  await expect(page.locator("html")).toHaveClass(on ? /\bdark\b/ : /^(?!.*\bdark\b)/);
}

async function me(page: Page) {
  const response = await page.request.get("/api/v1/me");
  expect(response.status()).toBe(200);
  return ((await response.json()) as { data: { roles: { key: string }[]; permissions: string[] } }).data;
}

test("a Manager opening /admin/roles gets HTTP 403 and the forbidden page", async ({ browser }) => {
  const { context, page } = await signedInAs(browser, ["manager"]);
  for (const path of ["/admin/roles", "/admin/roles/new"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  }
  // The Admin section is there for users.read, without a Roles tab.
  await gotoReady(page, "/admin/users");
  await expect(page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Roles" })).toHaveCount(0);
  await context.close();
});

test("an Admin (roles.read without roles.manage) sees roles read-only", async ({ browser }) => {
  test.setTimeout(180_000);
  const { context, page } = await signedInAs(browser, ["admin"]);
  expect((await page.goto("/admin/roles"))?.status()).toBe(200);
  await expect(page.getByRole("link", { name: "New role" })).toHaveCount(0);
  await page.getByRole("link", { name: "Staff", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Staff", level: 1 })).toBeVisible();
  await expect(page.getByText("You can see this role but not change it")).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toBeDisabled();
  await expect(page.locator('input[data-permission="customers.read"]')).toBeDisabled();
  await expect(page.getByRole("button", { name: /Review changes|Delete role/ })).toHaveCount(0);
  await expect(page.getByTestId("effective-permissions")).toContainText("10 in all");
  expect((await page.goto("/admin/roles/new"))?.status()).toBe(403);
  await context.close();
});

test("a Super Admin creates a role with two permissions and a parent, assigns it, and the holder's access follows on their next request", async ({
  browser,
}) => {
  test.setTimeout(240_000); // two sign-ins, one with 2FA set-up, and many page loads on a shared machine
  const admin = await signedInAs(browser, ["super_admin"]);
  const holder = await signedInAs(browser, ["user"]);
  const page = admin.page;
  await page.setViewportSize({ width: 1280, height: 1400 });
  const roleName = `Night auditors ${randomBytes(2).toString("hex")}`;

  // Before: the holder has neither Analytics nor Logs.
  await gotoReady(holder.page, "/dashboard");
  await expect(holder.page.getByTestId("sidebar-panel").getByRole("link", { name: "Analytics" })).toHaveCount(0);
  await expect(holder.page.getByRole("link", { name: "Logs" })).toHaveCount(0);
  expect((await holder.page.goto("/analytics"))?.status()).toBe(403);

  // The list.
  await gotoReady(page, "/admin/roles");
  await expect(page.getByRole("heading", { name: "Roles", level: 1 })).toBeVisible();
  const superRow = page.getByTestId("role-row").filter({ hasText: "Super Admin" });
  await expect(superRow.getByText("Built-in")).toBeVisible();
  await shot(page, "roles-list-light");

  // New role: a parent (User) and two permissions of its own.
  await page.getByRole("link", { name: "New role" }).click();
  await expect(page).toHaveURL(/\/admin\/roles\/new$/);
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  await page.getByLabel("Name", { exact: true }).fill(roleName);
  await page.getByLabel("Description").fill("Reads the numbers and the activity log after hours.");
  await page.getByLabel("Parent role").selectOption({ label: "User" });
  // Inherited permissions are ticked and locked, with where they come from.
  const inherited = page.locator('input[data-permission="board.read"]');
  await expect(inherited).toBeChecked();
  await expect(inherited).toBeDisabled();
  await expect(page.locator('label[for="perm-board.read"]')).toContainText("from User");
  await page.locator('input[data-permission="analytics.read"]').check();
  await page.locator('input[data-permission="audit.read"]').check();
  const effective = page.getByTestId("effective-permissions");
  await expect(effective).toContainText("5 in all");
  await expect(effective.locator('[data-permission="analytics.read"]')).toContainText("This role");
  await expect(effective.locator('[data-permission="dashboard.view"]')).toContainText("from User");
  await shot(page, "role-new-light", false);

  // The diff before saving.
  await page.getByRole("button", { name: "Review and create" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toBeVisible();
  const diff = dialog.getByTestId("role-diff");
  await expect(diff).toContainText(roleName);
  await expect(diff).toContainText("Inherits from");
  await expect(diff).toContainText("Permissions (2)");
  await expect(diff).toContainText("See analytics");
  await expect(diff).toContainText("Read the activity log");
  await expect(diff).toContainText("Gained through the parent (3)");
  await shot(page, "role-diff-light", false);
  await dialog.getByRole("button", { name: "Create role" }).click();
  await expect(page).toHaveURL(/\/admin\/roles\/(?!new)[^/]+$/);
  const roleId = page.url().split("/").pop()!;
  await expect(page.getByRole("heading", { name: roleName, level: 1 })).toBeVisible();
  await expect(page.getByTestId("effective-permissions")).toContainText("5 in all");

  // In the list, with its parent and effective permissions.
  await gotoReady(page, "/admin/roles");
  const row = page.getByTestId("role-row").filter({ hasText: roleName });
  await expect(row).toContainText("User");
  await expect(row.getByTestId("member-count")).toHaveText("0");
  await expect(row.getByTestId("permission-count")).toContainText("5");
  await expect(row.getByTestId("permission-count")).toContainText("3 inherited");

  // Assign it to the signed-in holder, on their admin page.
  await assignRole(page, holder.account.id, roleName);

  // The holder's next request: new navigation and access, no new sign-in.
  await gotoReady(holder.page, "/dashboard");
  await expect(holder.page.getByTestId("sidebar-panel").getByRole("link", { name: "Analytics" })).toBeVisible();
  await expect(holder.page.getByRole("link", { name: "Logs" })).toBeVisible();
  const mine = await me(holder.page);
  expect(mine.permissions).toEqual(expect.arrayContaining(["analytics.read", "audit.read", "dashboard.view"]));
  expect((await holder.page.goto("/analytics"))?.status()).toBe(200);

  // The role page lists the holder, linking to their user page.
  await gotoReady(page, `/admin/roles/${roleId}`);
  const members = page.getByTestId("role-members");
  await expect(members).toContainText("1 person holds this role.");
  await expect(members.getByRole("link", { name: new RegExp(holder.account.username) })).toHaveAttribute(
    "href",
    `/admin/users/${holder.account.id}`,
  );

  // An edit reaches the holder too: drop the activity log.
  await page.locator('input[data-permission="audit.read"]').uncheck();
  await page.getByRole("button", { name: "Review changes" }).click();
  const editDialog = page.getByRole("alertdialog");
  await expect(editDialog.getByTestId("role-diff")).toContainText("Permissions removed (1)");
  await expect(editDialog.getByTestId("role-diff")).toContainText("Read the activity log");
  await editDialog.getByRole("button", { name: "Save changes" }).click();
  await expect(editDialog).toBeHidden();
  await expect(page.getByTestId("effective-permissions")).toContainText("4 in all");
  await gotoReady(holder.page, "/dashboard");
  await expect(holder.page.getByRole("link", { name: "Logs" })).toHaveCount(0);
  await expect(holder.page.getByTestId("sidebar-panel").getByRole("link", { name: "Analytics" })).toBeVisible();
  expect((await me(holder.page)).permissions).not.toContain("audit.read");

  await page.setViewportSize({ width: 1280, height: 1400 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, "role-editor-light", false);
  await dark(page, true);
  await shot(page, "role-editor-dark", false);
  await page.locator('input[data-permission="audit.read"]').scrollIntoViewIfNeeded();
  await shot(page, "role-editor-permissions-dark", false);
  await gotoReady(page, "/admin/roles");
  await shot(page, "roles-list-dark");
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, "roles-list-phone-dark");
  await gotoReady(page, `/admin/roles/${roleId}`);
  await shot(page, "role-editor-phone-dark", false);
  await page.locator('input[data-permission="board.read"]').scrollIntoViewIfNeeded();
  await shot(page, "role-editor-phone-permissions-dark", false);
  await dark(page, false);
  await page.setViewportSize({ width: 1280, height: 800 });

  await holder.context.close();
  await admin.context.close();
});

test("a Super Admin deletes a held role, moving its members to another role in one step", async ({ browser }) => {
  test.setTimeout(180_000);
  const admin = await signedInAs(browser, ["super_admin"]);
  const page = admin.page;
  const name = `Temp crew ${randomBytes(2).toString("hex")}`;
  await gotoReady(page, "/admin/roles/new");
  // A name that exists, whatever its case, is refused inline (409 from the DAL).
  await page.getByLabel("Name", { exact: true }).fill("staff");
  await page.getByRole("button", { name: "Review and create" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Create role" }).click();
  await expect(page.getByRole("alertdialog")).toBeHidden();
  await expect(page.getByText("A role named “Staff” already exists. Choose another name.")).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.locator('input[data-permission="board.read"]').check();
  await page.getByRole("button", { name: "Review and create" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Create role" }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  const roleId = page.url().split("/").pop()!;
  const member = createAccount(["user"]);
  withE2eDb((db) =>
    db
      .prepare(`INSERT INTO "UserRole" ("userId", "roleId", "createdAt") VALUES (?, ?, ?)`)
      .run(member.id, roleId, new Date().toISOString().replace("Z", "+00:00")),
  );
  await gotoReady(page, `/admin/roles/${roleId}`);
  await page.getByRole("button", { name: "Delete role" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("1 person holds it");
  await expect(dialog.getByRole("button", { name: "Move and delete" })).toBeDisabled();
  await dialog.getByLabel("Move them to").selectOption({ label: "Staff" });
  await shot(page, "role-delete-light", false);
  await dialog.getByRole("button", { name: "Move and delete" }).click();
  await expect(page).toHaveURL(/\/admin\/roles$/);
  await expect(page.getByTestId("role-row").filter({ hasText: name })).toHaveCount(0);
  const held = withE2eDb(
    (db) =>
      db
        .prepare(`SELECT r."key" FROM "UserRole" ur JOIN "Role" r ON r."id" = ur."roleId" WHERE ur."userId" = ?`)
        .all(member.id) as { key: string }[],
  );
  expect(held.map((r) => r.key).sort()).toEqual(["staff", "user"]);
  // The deleted role's page is gone: a real 404.
  expect((await page.goto(`/admin/roles/${roleId}`))?.status()).toBe(404);
  await admin.context.close();
});

/** Gives `userId` the role on their admin page: Roles tab, tick it, review, save. */
async function assignRole(page: Page, userId: string, roleName: string) {
  expect((await page.goto(`/admin/users/${userId}?tab=roles`))?.status()).toBe(200);
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  await page.getByRole("checkbox", { name: new RegExp(`^${roleName}`) }).check();
  await page.getByRole("button", { name: "Review and save" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog.getByText(`Add ${roleName}`)).toBeVisible();
  await dialog.getByRole("button", { name: "Save roles" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/Roles of .* were updated\./)).toBeVisible();
}
