import { expect, test } from "@playwright/test";
import { freshContext, linkFromOutbox, newPerson, shot, signIn, signOut, signUp, gotoReady } from "./helpers";

test("a new person signs up, confirms their email from the outbox, signs in by username and by email, and signs out", async ({
  browser,
}) => {
  const context = await freshContext(browser);
  const page = await context.newPage();
  const person = newPerson();

  await gotoReady(page, "/");
  await expect(page).toHaveURL(/\/sign-in$/);
  await shot(page, "01-sign-in");

  await gotoReady(page, "/sign-up");
  await page.getByLabel("Password", { exact: true }).fill("short");
  await expect(page.getByTestId("password-strength")).toHaveText(/weak/i);
  await page.getByLabel("Password", { exact: true }).fill("");
  await signUp(page, person);
  await shot(page, "02-check-email");

  const link = await linkFromOutbox(page, person.email, "/verify-email?token=");
  await gotoReady(page, link);
  await expect(page.getByRole("heading", { name: "Confirm your email address" })).toBeVisible();
  await shot(page, "04-confirm-email");
  await page.getByRole("button", { name: "Confirm email address" }).click();
  await expect(page).toHaveURL(/\/sign-in\?notice=verified/);
  await expect(page.getByText("Email confirmed.")).toBeVisible();

  // The same link cannot be used twice.
  await gotoReady(page, link);
  await expect(page.getByRole("heading", { name: "This link cannot be used" })).toBeVisible();

  await signIn(page, person.username, person.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: new RegExp(`, ${person.firstName}$`) })).toBeVisible();
  await expect(page.getByText("Verified email address")).toBeVisible();
  await expect(page.getByText(/Confirm .* to unlock/)).toHaveCount(0);
  await shot(page, "05-dashboard");
  await signOut(page);

  await signIn(page, person.email.toUpperCase(), person.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  await signOut(page);

  await signIn(page, person.username, "a wrong password entirely");
  const error = page.getByRole("alert").filter({ hasText: "Incorrect username, email or password." });
  await expect(error).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
  await shot(page, "06-sign-in-error");

  await signIn(page, "nobody-by-this-name", "a wrong password entirely");
  await expect(page.getByRole("alert").filter({ hasText: "Incorrect username, email or password." })).toBeVisible();
  await context.close();
});

test("signing up with an email that already has an account shows the same 'Check your email' page, and its owner gets a notice instead of a link", async ({
  browser,
}) => {
  const context = await freshContext(browser);
  const page = await context.newPage();
  const owner = newPerson();
  await signUp(page, owner);
  const ownersPage = await page.locator("main").innerText();

  const intruder = { ...newPerson(), email: owner.email.toUpperCase() };
  await signUp(page, intruder);
  await expect(page).toHaveURL(new RegExp(`/check-email\\?email=${encodeURIComponent(owner.email)}$`));
  // The very same page, word for word.
  expect(await page.locator("main").innerText()).toBe(ownersPage);
  await shot(page, "07-check-email-taken");

  // The newest mail to the owner is the notice: it links to sign-in, not to a verification.
  const link = await linkFromOutbox(page, owner.email, "/sign-in");
  expect(link).not.toContain("token=");
  await context.close();
});
