// Passkeys in a real browser: Chromium's virtual authenticator (CDP WebAuthn domain: CTAP2,
// internal transport, resident keys, user verification) stands in for a phone or laptop.
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { freshContext, gotoReady, linkFromOutbox, newPerson, shot, signIn, signOut, signUp } from "./helpers";
import { addVirtualAuthenticator } from "./support/virtual-authenticator";

async function verifyEmail(page: Page, email: string) {
  const link = await linkFromOutbox(page, email, "/verify-email?token=");
  await gotoReady(page, link);
  await page.getByRole("button", { name: "Confirm email address" }).click();
  await expect(page).toHaveURL(/notice=verified/);
}

test("a person adds a passkey, signs in with it alone, uses it as the second factor, renames and removes it", async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const context = await freshContext(browser);
  const page = await context.newPage();
  const authenticator = await addVirtualAuthenticator(context, page);
  const person = newPerson();
  await signUp(page, person);
  await verifyEmail(page, person.email);
  await signIn(page, person.username, person.password);
  await expect(page).toHaveURL(/\/dashboard/);

  // Settings → Sign-in methods: nothing yet.
  await gotoReady(page, "/settings/sign-in-methods");
  await expect(page.getByRole("link", { name: "Sign-in methods" })).toBeVisible();
  await expect(page.getByTestId("password-status")).toContainText("A password is set");
  await expect(page.getByRole("heading", { name: "No passkeys yet" })).toBeVisible();

  // Adding one asks for the password; a wrong one is refused inline.
  await page.getByRole("button", { name: "Add a passkey" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a passkey" });
  await dialog.getByLabel("Name").fill("Work laptop");
  await dialog.getByLabel("Current password").fill("not my password, sorry");
  await dialog.getByRole("button", { name: "Continue" }).click();
  await expect(dialog.getByText("This is not your current password.")).toBeVisible();
  await dialog.getByLabel("Current password").fill(person.password);
  await dialog.getByRole("button", { name: "Continue" }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByTestId("passkey-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Work laptop");
  await expect(row).toContainText("never used");
  expect(await authenticator.credentials()).toHaveLength(1);
  await shot(page, "passkeys-settings-light");

  // Sign out, then in with the passkey alone: no username, no password.
  await signOut(page);
  await shot(page, "passkeys-sign-in-light");
  await page.getByRole("button", { name: "Continue with a passkey" }).click();
  await expect(page).toHaveURL(/\/dashboard/);

  await gotoReady(page, "/settings/sign-in-methods");
  await expect(page.getByTestId("passkey-row")).toContainText(/last used/);

  // With a password the passkey is now the second factor.
  await signOut(page);
  await signIn(page, person.username, person.password);
  await expect(page).toHaveURL(/\/sign-in\/two-factor/);
  await expect(page.getByLabel("Authentication code")).toHaveCount(0);
  await shot(page, "passkeys-second-factor");
  await page.getByRole("button", { name: "Use a passkey" }).click();
  await expect(page).toHaveURL(/\/dashboard/);

  // Rename in a dialog.
  await gotoReady(page, "/settings/sign-in-methods");
  await page.getByRole("button", { name: "Rename Work laptop" }).click();
  const rename = page.getByRole("dialog", { name: "Rename passkey" });
  await rename.getByLabel("Name").fill("Home laptop");
  await rename.getByRole("button", { name: "Save" }).click();
  await expect(rename).toBeHidden();
  await expect(page.getByTestId("passkey-row")).toContainText("Home laptop");

  // Remove behind a confirmation.
  await page.getByRole("button", { name: "Remove Home laptop" }).click();
  const confirm = page.getByRole("alertdialog", { name: /Remove “Home laptop”/ });
  await expect(confirm).toContainText("It will no longer sign you in.");
  await confirm.getByRole("button", { name: "Remove passkey" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole("heading", { name: "No passkeys yet" })).toBeVisible();

  // The removed passkey no longer signs in, and the password alone does again.
  await signOut(page);
  await page.getByRole("button", { name: "Continue with a passkey" }).click();
  await expect(page.getByText("This passkey cannot sign you in.")).toBeVisible();
  await signIn(page, person.username, person.password);
  await expect(page).toHaveURL(/\/dashboard/);
  await context.close();
});

test("sign-in and sign-in methods pages in dark mode and on a phone", async ({ browser }) => {
  test.setTimeout(120_000);
  for (const variant of ["dark", "phone"] as const) {
    const context = await (variant === "dark"
      ? freshContext(browser, "dark")
      : browser.newContext({
          viewport: { width: 390, height: 844 },
          isMobile: true,
          hasTouch: true,
          extraHTTPHeaders: { "x-forwarded-for": `10.${randomBytes(3).join(".")}` },
        }));
    const page = await context.newPage();
    const authenticator = await addVirtualAuthenticator(context, page);
    await gotoReady(page, "/sign-in");
    await expect(page.getByRole("button", { name: "Continue with a passkey" })).toBeVisible();
    await shot(page, `passkeys-sign-in-${variant}`);
    const person = newPerson();
    await signUp(page, person);
    await verifyEmail(page, person.email);
    await signIn(page, person.username, person.password);
    await expect(page).toHaveURL(/\/dashboard/);
    await gotoReady(page, "/settings/sign-in-methods");
    await shot(page, `passkeys-settings-empty-${variant}`);
    await page.getByRole("button", { name: "Add a passkey" }).click();
    const dialog = page.getByRole("dialog", { name: "Add a passkey" });
    await dialog.getByLabel("Current password").fill(person.password);
    await dialog.getByRole("button", { name: "Continue" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId("passkey-row")).toHaveCount(1);
    expect(await authenticator.credentials()).toHaveLength(1);
    await shot(page, `passkeys-settings-${variant}`);
    await context.close();
  }
});
