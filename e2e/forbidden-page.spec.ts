// A page the viewer may not use answers HTTP 403 with the product's forbidden page, not a 200 that
// only looks like one; /admin opens the first admin section the viewer may use.
import { expect, test } from "@playwright/test";
import { signedInAs } from "./support/admin-session";

test("a User gets HTTP 403 and the forbidden page on sections their roles do not include", async ({ browser }) => {
  const { context, page } = await signedInAs(browser, ["user"]);
  for (const path of ["/logs", "/analytics", "/records", "/admin", "/admin/users", "/approvals"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  }
  await page.getByRole("link", { name: "Back to the dashboard" }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  await context.close();
});

test("a Super Admin's /admin opens the users section, with tabs for every admin section", async ({ browser }) => {
  const { context, page } = await signedInAs(browser, ["super_admin"]);
  await page.getByRole("link", { name: "Admin" }).click();
  await expect(page).toHaveURL(/\/admin\/users/);
  const tabs = page.getByRole("navigation", { name: "Admin" });
  await expect(tabs.getByRole("link", { name: "Users" })).toHaveAttribute("aria-current", "page");
  await expect(tabs.getByRole("link", { name: "Roles" })).toBeVisible();
  await expect(tabs.getByRole("link", { name: "Invitations" })).toBeVisible();
  await context.close();
});
