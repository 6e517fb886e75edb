// A role requiring 2FA accepts a passkey: held back at /setup-two-factor, a person chooses "Use a
// passkey instead" (Chromium's virtual authenticator stands in for the device), reaches the app,
// and later signs in with the passkey alone. Settings → Security and the admin's user page show the
// passkey-based 2FA, and an admin reset says it removes the passkey (and does). Screenshots of the
// set-up page (light, dark, phone) and both cards go to /tmp/shots-passkey-enrolment/.
import { mkdirSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { freshContext, gotoReady, signIn, signOut } from "./helpers";
import { createAccount, signedInAs, type E2eAccount } from "./support/admin-session";
import { addVirtualAuthenticator } from "./support/virtual-authenticator";

const SHOTS = "/tmp/shots-passkey-enrolment";
mkdirSync(SHOTS, { recursive: true });
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

/** Signs `account` in (its role requires 2FA) and sets up a passkey on the enrolment page. */
async function enrolWithPasskey(page: Page, account: E2eAccount, name: string, shots?: string) {
  await signIn(page, account.username, account.password);
  await expect(page).toHaveURL(/\/setup-two-factor/);
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  await expect(page.getByRole("heading", { name: "Set up two-factor authentication" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Set up two-factor authentication" })).toBeVisible();
  // Before choosing, the page says a passkey has no recovery codes.
  await expect(page.getByTestId("passkey-no-recovery-codes")).toContainText("without recovery codes");
  if (shots) await shot(page, `setup-${shots}`);
  await page.getByRole("button", { name: "Use a passkey instead" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a passkey" });
  // A sign-in of this very minute: the password is not asked again.
  await expect(dialog.getByLabel("Current password")).toHaveCount(0);
  await dialog.getByLabel("Name").fill(name);
  if (shots) await page.screenshot({ path: `${SHOTS}/setup-dialog-${shots}.png` });
  // The passkey releases the session: on to the app, as after TOTP set-up.
  await dialog.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/dashboard/);
}

async function phoneContext(browser: Browser) {
  return browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    extraHTTPHeaders: { "x-forwarded-for": `10.${randomBytes(3).join(".")}` },
  });
}

test("a role requiring 2FA accepts a passkey at set-up; it then signs in alone, shows as 2FA, and an admin reset removes it", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const context = await freshContext(browser);
  const page = await context.newPage();
  const authenticator = await addVirtualAuthenticator(context, page);
  const account = createAccount(["admin"], { firstName: "Ines", lastName: "Moreau" });

  await enrolWithPasskey(page, account, "Work laptop", "light");
  expect(await authenticator.credentials()).toHaveLength(1);
  // The session is a full one: the app, not the set-up page, on every following request.
  await gotoReady(page, "/settings/sessions");
  await expect(page).toHaveURL(/\/settings\/sessions/);

  // Settings → Security counts the passkey as the second factor.
  await gotoReady(page, "/settings/security");
  await expect(page.getByTestId("two-factor-state")).toHaveText("On · passkey");
  await expect(page.getByTestId("two-factor-passkeys")).toContainText("Your account has 1 passkey");
  await page.getByRole("link", { name: "Manage passkeys in Sign-in methods" }).click();
  await expect(page).toHaveURL(/\/settings\/sign-in-methods/);
  await expect(page.getByTestId("passkey-row")).toContainText("Work laptop");
  await gotoReady(page, "/settings/security");
  await shot(page, "security-card-passkey-only-light");

  // Signed out, back in with the passkey alone: no password, no code, no set-up page.
  await signOut(page);
  await page.getByRole("button", { name: "Continue with a passkey" }).click();
  await expect(page).toHaveURL(/\/dashboard/);

  // An administrator sees 2FA on through the passkey, and the reset says it removes it.
  const admin = await signedInAs(browser, ["super_admin"]);
  await gotoReady(admin.page, `/admin/users/${account.id}`);
  await admin.page.getByRole("tab", { name: /^Security/ }).click();
  const security = admin.page
    .getByRole("listitem")
    .filter({ has: admin.page.getByText("Two-factor authentication", { exact: true }) });
  await expect(security).toContainText("On (passkeys: 1)");
  await shot(admin.page, "admin-security-card-light");
  await security.getByRole("button", { name: "Reset 2FA" }).click();
  const confirm = admin.page.getByRole("alertdialog");
  await expect(confirm).toContainText("Their 1 passkey is removed");
  await admin.page.screenshot({ path: `${SHOTS}/admin-reset-dialog-light.png` });
  await confirm.getByRole("button", { name: "Reset 2FA" }).click();
  await expect(confirm).toBeHidden();
  await expect(security).toContainText("Off");
  await admin.context.close();

  // The reset signed the person out and the passkey no longer signs in.
  await gotoReady(page, "/sign-in");
  await page.getByRole("button", { name: "Continue with a passkey" }).click();
  await expect(page.getByText("This passkey cannot sign you in.")).toBeVisible();
  await context.close();
});

test("the set-up page with the passkey choice in dark mode and on a phone", async ({ browser }) => {
  test.setTimeout(180_000);
  for (const variant of ["dark", "phone"] as const) {
    const context = variant === "dark" ? await freshContext(browser, "dark") : await phoneContext(browser);
    const page = await context.newPage();
    await addVirtualAuthenticator(context, page);
    const account = createAccount(["admin"]);
    await enrolWithPasskey(page, account, variant === "dark" ? "Desk PC" : "Phone", variant);
    if (variant === "dark") {
      await gotoReady(page, "/settings/security");
      await shot(page, "security-card-passkey-only-dark");
    }
    await context.close();
  }
});
