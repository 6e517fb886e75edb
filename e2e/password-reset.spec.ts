import { expect, test } from "@playwright/test";
import { freshContext, linkFromOutbox, newPerson, shot, signIn, signUp, gotoReady } from "./helpers";

test("forgot password: the outbox link sets a new password and every old session ends", async ({ browser }) => {
  const person = newPerson();
  const first = await freshContext(browser);
  const old = await first.newPage();
  await signUp(old, person);
  await signIn(old, person.username, person.password);
  await expect(old).toHaveURL(/\/dashboard/);

  const second = await freshContext(browser);
  const page = await second.newPage();
  await gotoReady(page, "/sign-in");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  // Wait for the new page: "Email" would also match the sign-in page's "Username or email".
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("Email", { exact: true }).fill(person.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText(/If an account exists for/)).toBeVisible();
  await shot(page, "20-forgot-password-sent");

  // Unknown addresses get the very same answer.
  await gotoReady(page, "/forgot-password");
  await page.getByLabel("Email", { exact: true }).fill(`nobody-${person.username}@example.com`);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText(/If an account exists for/)).toBeVisible();

  const link = await linkFromOutbox(page, person.email, "/reset-password?token=");
  await gotoReady(page, link);
  const newPassword = "granite orchard velvet 58?";
  await page.getByLabel("New password", { exact: true }).fill("password123");
  await page.getByLabel("Confirm new password").fill("password123");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /too easy to guess/ })).toBeVisible();
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Confirm new password").fill(newPassword);
  await shot(page, "21-reset-password");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL(/\/sign-in\?notice=password-reset/);

  // The old browser's session is gone.
  await gotoReady(old, "/dashboard");
  await expect(old).toHaveURL(/\/sign-in/);

  // The link is single-use; the old password no longer works; the new one does.
  await gotoReady(page, link);
  await expect(page.getByRole("heading", { name: "This reset link cannot be used" })).toBeVisible();
  await signIn(page, person.username, person.password);
  await expect(page.getByText("Incorrect username, email or password.")).toBeVisible();
  await signIn(page, person.username, newPassword);
  await expect(page).toHaveURL(/\/dashboard/);
  await first.close();
  await second.close();
});
