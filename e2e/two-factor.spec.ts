import { expect, test, type Page } from "@playwright/test";
import { authenticator } from "otplib";
import { E2E_ADMIN } from "./env";
import { freshContext, linkFromOutbox, newPerson, shot, signIn, signOut, signUp, gotoReady } from "./helpers";

const totp = authenticator.clone({ step: 30, digits: 6, window: 0 });
/** The code of the step `offset` steps from now (the server accepts ±1 step). */
const codeAt = (secret: string, offset = 0) => totp.clone({ epoch: Date.now() + offset * 30_000 }).generate(secret);
const stepNow = () => Math.floor(Date.now() / 30_000);

/** Waits until time step `step` has begun (a code of a step is accepted once). */
async function waitForStep(page: Page, step: number) {
  const wait = step * 30_000 - Date.now();
  if (wait > 0) await page.waitForTimeout(wait + 200);
}

/** Confirms the signed-in person's address with the link from their mail. */
async function verifyEmail(page: Page, email: string) {
  const link = await linkFromOutbox(page, email, "/verify-email?token=");
  await gotoReady(page, link);
  await page.getByRole("button", { name: "Confirm email address" }).click();
  await expect(page).toHaveURL(/notice=verified/);
}

async function enrol(
  page: Page,
  where: "settings" | "forced" = "settings",
): Promise<{ secret: string; codes: string[]; usedCode: string }> {
  const secretText = await page.getByTestId("totp-secret").innerText();
  const secret = secretText.replace(/\s+/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
  await page.getByLabel("Code from the app").fill("000000" === codeAt(secret) ? "111111" : "000000");
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByText("That code is not valid")).toBeVisible();
  const usedCode = codeAt(secret);
  await page.getByLabel("Code from the app").fill(usedCode);
  await page.getByRole("button", { name: "Turn on" }).click();
  const list = page.getByTestId("recovery-codes");
  await expect(list).toBeVisible();
  // The state shown is the state stored: on, while the codes are on screen.
  if (where === "settings") await expect(page.getByTestId("two-factor-state")).toHaveText("On");
  const codes = (await list.locator("li").allInnerTexts()).map((c) => c.trim());
  expect(codes).toHaveLength(10);
  return { secret, codes, usedCode };
}

async function secondStep(page: Page, kind: "totp" | "recovery", code: string) {
  await expect(page).toHaveURL(/\/sign-in\/two-factor/);
  if (kind === "recovery") await page.getByRole("button", { name: "Use a recovery code instead" }).click();
  await page.getByLabel(kind === "totp" ? "Authentication code" : "Recovery code").fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
}

test("a person turns on 2FA from the QR's secret, signs in with a TOTP code and with a recovery code, makes new codes, then turns it off", async ({
  browser,
}) => {
  // Making new codes waits for a fresh time step (each code works once).
  test.setTimeout(180_000);
  const context = await freshContext(browser);
  const page = await context.newPage();
  const person = newPerson();
  await signUp(page, person);
  await signIn(page, person.username, person.password);
  await expect(page).toHaveURL(/\/dashboard/);

  // Before the address is verified, 2FA cannot be turned on (pre-hijack).
  await gotoReady(page, "/settings/security");
  await expect(page.getByText("Verify your email address first")).toBeVisible();
  await expect(page.getByRole("button", { name: "Set up two-factor authentication" })).toHaveCount(0);
  await expect(page.getByTestId("two-factor-state")).toHaveText("Off");
  await shot(page, "09-2fa-verify-email-first");
  await verifyEmail(page, person.email);

  await gotoReady(page, "/settings/security");
  await page.getByRole("button", { name: "Set up two-factor authentication" }).click();
  await expect(page.getByText("Enter your current password.")).toBeVisible();
  await page.getByLabel("Your password").fill("not my password");
  await page.getByRole("button", { name: "Set up two-factor authentication" }).click();
  await expect(page.getByText("This is not your current password.")).toBeVisible();
  await page.getByLabel("Your password").fill(person.password);
  await page.getByRole("button", { name: "Set up two-factor authentication" }).click();
  await expect(page.getByTestId("totp-secret")).toBeVisible();
  await shot(page, "10-2fa-enrol");
  const { secret, codes, usedCode } = await enrol(page);
  await shot(page, "11-2fa-recovery-codes");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download .txt" }).click();
  expect((await download).suggestedFilename()).toMatch(/recovery-codes\.txt$/);
  await page.getByRole("button", { name: "I saved my codes, continue" }).click();
  await expect(page.getByTestId("recovery-codes-left")).toHaveText("10 of 10");
  await expect(page.getByTestId("two-factor-state")).toHaveText("On");
  await expect(page.getByTestId("recovery-codes")).toHaveCount(0);
  // The codes were shown once: a new page load does not bring them back.
  await page.reload();
  await expect(page.getByTestId("recovery-codes-left")).toHaveText("10 of 10");
  await expect(page.getByTestId("recovery-codes")).toHaveCount(0);
  expect(await page.content()).not.toContain(codes[0]!);
  // The page never shows an active secret again.
  await expect(page.getByTestId("totp-secret")).toHaveCount(0);
  expect(await page.content()).not.toContain(secret);
  await signOut(page);

  // Password, then the code already used at enrolment: refused as a replay of its time step.
  await signIn(page, person.username, person.password);
  await expect(page).toHaveURL(/\/sign-in\/two-factor/);
  await gotoReady(page, "/dashboard");
  await expect(page).toHaveURL(/\/sign-in\/two-factor/);
  await shot(page, "12-2fa-challenge");
  await secondStep(page, "totp", usedCode);
  await expect(page.getByText("That code is not valid")).toBeVisible();
  const signInStep = stepNow() + 1;
  await secondStep(page, "totp", codeAt(secret, 1));
  await expect(page).toHaveURL(/\/dashboard/);
  await signOut(page);

  await signIn(page, person.email, person.password);
  await secondStep(page, "recovery", codes[0]!);
  await expect(page).toHaveURL(/\/dashboard/);
  await signOut(page);

  // A recovery code works once.
  await signIn(page, person.username, person.password);
  await secondStep(page, "recovery", codes[0]!);
  await expect(page.getByText("That recovery code is not valid or was already used.")).toBeVisible();
  await page.getByLabel("Recovery code").fill(codes[1]!);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/dashboard/);

  await gotoReady(page, "/settings/security");
  await expect(page.getByTestId("recovery-codes-left")).toHaveText("8 of 10");

  // New recovery codes need the password and a current code from the app.
  await page.getByRole("button", { name: "New recovery codes" }).click();
  const regenerate = page.locator("form", { has: page.getByRole("button", { name: "Make new recovery codes" }) });
  await regenerate.getByLabel("Current password").fill(person.password);
  await page.getByRole("button", { name: "Make new recovery codes" }).click();
  await expect(regenerate.getByText("Enter the 6-digit code from your app.")).toBeVisible();
  await regenerate.getByLabel("Code from your authenticator app").fill(codes[3]!);
  await page.getByRole("button", { name: "Make new recovery codes" }).click();
  await expect(regenerate.getByText("Enter the 6-digit code from your app.")).toBeVisible();
  // The sign-in above spent the step after its own; wait for a later one.
  await waitForStep(page, signInStep);
  await regenerate.getByLabel("Code from your authenticator app").fill(codeAt(secret, 1));
  await page.getByRole("button", { name: "Make new recovery codes" }).click();
  await expect(page.getByTestId("recovery-codes")).toBeVisible();
  // The count shown is the stored one: ten new codes, not the eight of the old set.
  await expect(page.getByTestId("recovery-codes-left")).toHaveText("10 of 10");
  const newCodes = (await page.getByTestId("recovery-codes").locator("li").allInnerTexts()).map((c) => c.trim());
  expect(newCodes).toHaveLength(10);
  expect(newCodes).not.toContain(codes[2]!);
  await shot(page, "15-2fa-new-recovery-codes");
  await page.getByRole("button", { name: "I saved my new codes" }).click();
  await expect(page.getByTestId("recovery-codes")).toHaveCount(0);

  await page.getByRole("button", { name: "Turn off…" }).click();
  const disableForm = page.locator("form", {
    has: page.getByRole("button", { name: "Turn off two-factor authentication" }),
  });
  await disableForm.getByLabel("Current password").fill(person.password);
  await disableForm.getByLabel("Code from your app, or a recovery code").fill(newCodes[0]!);
  await page.getByRole("button", { name: "Turn off two-factor authentication" }).click();
  await expect(page.getByRole("button", { name: "Set up two-factor authentication" })).toBeVisible();
  await signOut(page);

  await signIn(page, person.username, person.password);
  await expect(page).toHaveURL(/\/dashboard/);
  await context.close();
});

test("the seeded admin, whose role requires 2FA, must enrol before reaching anything", async ({ browser }) => {
  const context = await freshContext(browser);
  const page = await context.newPage();
  await signIn(page, E2E_ADMIN.username, E2E_ADMIN.password);
  await expect(page).toHaveURL(/\/setup-two-factor/);
  await gotoReady(page, "/admin");
  await expect(page).toHaveURL(/\/setup-two-factor/);
  await gotoReady(page, "/settings/sessions");
  await expect(page).toHaveURL(/\/setup-two-factor/);
  await page.getByRole("button", { name: "Set up two-factor authentication" }).click();
  await shot(page, "13-forced-enrolment");
  await enrol(page, "forced");
  await page.getByRole("button", { name: "I saved my codes, continue" }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  await page.getByRole("link", { name: "Admin" }).click();
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
  await expect(page.getByTestId("user-row").first()).toBeVisible();
  await shot(page, "14-admin-users");
  await context.close();
});
