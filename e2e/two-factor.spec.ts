import { expect, test, type Page } from "@playwright/test";
import { authenticator } from "otplib";
import { E2E_ADMIN } from "./env";
import { freshContext, newPerson, shot, signIn, signOut, signUp, gotoReady } from "./helpers";

const totp = authenticator.clone({ step: 30, digits: 6, window: 0 });
/** The code of the step `offset` steps from now (the server accepts ±1 step). */
const codeAt = (secret: string, offset = 0) => totp.clone({ epoch: Date.now() + offset * 30_000 }).generate(secret);

async function enrol(page: Page): Promise<{ secret: string; codes: string[]; usedCode: string }> {
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

test("a person turns on 2FA from the QR's secret, signs in with a TOTP code and with a recovery code, then turns it off", async ({
  browser,
}) => {
  const context = await freshContext(browser);
  const page = await context.newPage();
  const person = newPerson();
  await signUp(page, person);
  await signIn(page, person.username, person.password);
  await expect(page).toHaveURL(/\/dashboard/);

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
  await page.getByRole("button", { name: "Turn off…" }).click();
  const disableForm = page.locator("form", {
    has: page.getByRole("button", { name: "Turn off two-factor authentication" }),
  });
  await disableForm.getByLabel("Current password").fill(person.password);
  await disableForm.getByLabel("Code from your app, or a recovery code").fill(codes[2]!);
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
  await enrol(page);
  await page.getByRole("button", { name: "I saved my codes, continue" }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  await page.getByRole("link", { name: "Admin" }).click();
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
  await expect(page.getByTestId("user-row").first()).toBeVisible();
  await shot(page, "14-admin-users");
  await context.close();
});
