// A Super Admin acts as a user from the user's admin page: a banner with a live countdown on every
// page, the user's name in the account menu, the user's own sign-in settings locked, and "Stop
// impersonating" (from the keyboard) returns the admin to their own session without signing in
// again. The audit trail keeps both identities and the user is emailed the reason.
import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { gotoReady } from "./helpers";
import { mailTo } from "./mailbox";
import { createAccount, signedInAs, withE2eDb, type E2eAccount } from "./support/admin-session";

const SHOTS = "/tmp/shots-impersonation";
const REASON = "Reproducing support ticket 5120: the dashboard stays empty";

type AuditRow = { actorId: string | null; action: string; targetId: string | null; metadata: string };

function auditAbout(userId: string): AuditRow[] {
  return withE2eDb(
    (db) =>
      db
        .prepare(`SELECT "actorId", "action", "targetId", "metadata" FROM "AuditEvent" WHERE "targetId" = ? ORDER BY "seq"`)
        .all(userId) as AuditRow[],
  );
}

async function startImpersonating(page: Page, user: E2eAccount) {
  await gotoReady(page, `/admin/users/${user.id}`);
  await page.getByRole("button", { name: "Impersonate" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("30 minutes");
  await expect(dialog).toContainText("emailed");
  await dialog.getByLabel("Reason").fill(REASON);
  await dialog.getByRole("button", { name: "Start impersonating" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  return page.getByRole("region", { name: "Impersonation" });
}

test("an admin acts as a user with a reason, is held to the user's limits, stops and is back; audit and email keep both identities", async ({
  browser,
}) => {
  mkdirSync(SHOTS, { recursive: true });
  const { context, page, account: admin } = await signedInAs(browser, ["super_admin"], { firstName: "Ines" });
  const user = createAccount(["user"], { firstName: "Jonas", lastName: "Berg" });
  const adminName = `${admin.firstName} ${admin.lastName}`;

  // A reason is required.
  await gotoReady(page, `/admin/users/${user.id}`);
  await page.getByRole("button", { name: "Impersonate" }).click();
  await expect(page.getByRole("alertdialog").getByRole("button", { name: "Start impersonating" })).toBeDisabled();
  await page.keyboard.press("Escape");

  const banner = await startImpersonating(page, user);
  await expect(banner).toContainText(`You are acting as Jonas Berg (@${user.username})`);
  await expect(banner).toContainText(`started by ${adminName}`);
  const countdown = banner.getByTestId("impersonation-countdown");
  await expect(countdown).toHaveText(/^(29|30):\d\d$/);
  const first = await countdown.innerText();
  await expect(countdown).not.toHaveText(first, { timeout: 5000 });
  // The header's account menu is the user's.
  await expect(page.getByRole("banner").getByRole("button", { name: /Account menu/ })).toContainText("Jonas Berg");
  await banner.screenshot({ path: `${SHOTS}/banner-light.png` });
  await page.screenshot({ path: `${SHOTS}/dashboard-impersonating-light.png` });

  // The banner follows to every app page; the user's password stays theirs.
  await gotoReady(page, "/settings/security");
  await expect(banner).toBeVisible();
  await page.getByLabel("Current password", { exact: true }).fill(user.password);
  await page.getByLabel("New password", { exact: true }).fill("an entirely new passphrase 77!");
  await page.getByLabel("Confirm new password").fill("an entirely new passphrase 77!");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText(/Not while impersonating/)).toBeVisible();

  // Something the user may do, done as them.
  await gotoReady(page, "/settings/profile");
  await page.getByLabel("Last name").fill("Berg-Lund");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(banner).toContainText("Jonas Berg-Lund");

  // Stop, from the keyboard.
  await banner.getByRole("button", { name: "Stop impersonating" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/admin/users/${user.id}$`));
  await expect(page.getByRole("region", { name: "Impersonation" })).toHaveCount(0);
  await expect(page.getByRole("banner").getByRole("button", { name: /Account menu/ })).toContainText(adminName);

  // The trail: started and stopped by the admin; the profile change is the user's with the admin beside it.
  const rows = auditAbout(user.id);
  const started = rows.find((r) => r.action === "impersonation.started");
  expect(started?.actorId).toBe(admin.id);
  expect(JSON.parse(started!.metadata)).toMatchObject({ reason: REASON });
  const changed = rows.find((r) => r.action === "user.profile_updated");
  expect(changed?.actorId).toBe(user.id);
  expect(JSON.parse(changed!.metadata)).toMatchObject({ impersonatorId: admin.id });
  const stopped = rows.find((r) => r.action === "impersonation.stopped");
  expect(stopped?.actorId).toBe(admin.id);
  expect(JSON.parse(stopped!.metadata)).toMatchObject({ ended: "stopped" });
  expect(rows.some((r) => r.action === "auth.password_changed")).toBe(false);

  // The user is told: who, when, why.
  await expect
    .poll(async () => (await mailTo(user.email)).find((m) => m.subject.includes("acted as you"))?.text ?? "", { timeout: 15_000 })
    .toContain(REASON);
  const mail = (await mailTo(user.email)).find((m) => m.subject.includes("acted as you"))!;
  expect(mail.text).toContain(`${adminName} (@${admin.username})`);
  await context.close();
});

test("the banner in dark mode, and on a phone", async ({ browser }) => {
  mkdirSync(SHOTS, { recursive: true });
  const { context, page } = await signedInAs(browser, ["super_admin"], { colorScheme: "dark", firstName: "Ines" });
  const user = createAccount(["user"], { firstName: "Jonas", lastName: "Berg", verified: false });
  const banner = await startImpersonating(page, user);
  // An unverified user: both banners, the impersonation one first.
  await expect(page.getByText(/to unlock records, email/)).toBeVisible();
  await banner.screenshot({ path: `${SHOTS}/banner-dark.png` });
  await page.screenshot({ path: `${SHOTS}/dashboard-impersonating-dark.png` });
  await page.setViewportSize({ width: 390, height: 800 });
  await page.screenshot({ path: `${SHOTS}/dashboard-impersonating-phone-dark.png` });
  await banner.getByRole("button", { name: "Stop impersonating" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/users/${user.id}$`));
  await context.close();
});

test("an impersonation that ran out returns the admin to their own session on the next page, and signing out of one stops it", async ({
  browser,
}) => {
  const { context, page, account: admin } = await signedInAs(browser, ["super_admin"], { firstName: "Ines" });
  const user = createAccount(["user"], { firstName: "Jonas", lastName: "Berg" });
  await startImpersonating(page, user);
  // The 30 minutes are over (as if the tab had been left alone).
  withE2eDb((db) =>
    db
      .prepare(`UPDATE "Session" SET "expiresAt" = ? WHERE "userId" = ? AND "impersonatorId" IS NOT NULL`)
      .run(new Date(Date.now() - 1000).toISOString().replace("Z", "+00:00"), user.id),
  );
  await page.goto("/settings/profile");
  await expect(page).toHaveURL(new RegExp(`/admin/users/${user.id}$`));
  await expect(page.getByRole("region", { name: "Impersonation" })).toHaveCount(0);
  await expect(page.getByRole("banner").getByRole("button", { name: /Account menu/ })).toContainText(admin.firstName);
  await expect
    .poll(() => auditAbout(user.id).filter((r) => r.action === "impersonation.stopped").length)
    .toBe(1);

  // "Sign out" while acting as someone stops the impersonation instead of signing the admin out.
  await startImpersonating(page, user);
  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/users/${user.id}$`));
  await expect(page.getByRole("banner").getByRole("button", { name: /Account menu/ })).toContainText(admin.firstName);
  expect(auditAbout(user.id).filter((r) => r.action === "impersonation.stopped")).toHaveLength(2);
  await context.close();
});
