// Signing in through an external OpenID Connect provider (a real oidc-provider on 127.0.0.1,
// started by playwright.config.ts): "Continue with Test SSO" makes a new account (the missing
// fields asked once), signs it in again later, links a provider from Settings and unlinks it, and
// never unlinks the last way to sign in. Screenshots (light, dark, phone) go to /tmp/shots-oidc.
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { freshContext, gotoReady, newPerson, signOut, signUpAndSignIn } from "./helpers";
import { E2E_OIDC_NAME, setOidcAccount } from "./oidc-env";
import { newestLinkTo } from "./mailbox";
import { signedInAs } from "./support/admin-session";
import { confirmEmail } from "./support/staff-invite";

const SHOTS = "/tmp/shots-oidc";

/** Clicks "Continue with Test SSO" and signs in at the test provider as `sub`. */
async function continueWithProvider(page: Page, sub: string) {
  await page.getByRole("button", { name: `Continue with ${E2E_OIDC_NAME}` }).click();
  await signInAtProvider(page, sub);
}

/** At the test provider's login page: sign in as `sub`. */
async function signInAtProvider(page: Page, sub: string) {
  await expect(page.getByRole("heading", { name: "Test identity provider" })).toBeVisible();
  await page.getByLabel("Sign in as").fill(sub);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Forgets the provider's own session, so its next authorization asks who is signing in again. */
async function signOutAtProvider(page: Page) {
  await page.context().clearCookies({ domain: "127.0.0.1" });
}

test('"Continue with …" works without JavaScript (the CSP lets the form reach the provider)', async ({ browser }) => {
  const id = randomBytes(4).toString("hex");
  const sub = `nojs-${id}`;
  await setOidcAccount({ sub, email: `nojs${id}@idp.example`, email_verified: true, given_name: "Grace" });
  const b = randomBytes(3);
  const context = await browser.newContext({
    javaScriptEnabled: false,
    extraHTTPHeaders: { "x-forwarded-for": `10.${b[0]}.${b[1]}.${b[2]}` },
  });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await continueWithProvider(page, sub);
  await expect(page).toHaveURL(/\/sign-in\/external\/sign-up$/);
  await expect(page.getByRole("heading", { name: "Finish creating your account" })).toBeVisible();
  await context.close();
});

test("a new person signs up through the provider, then signs in with it directly", async ({ browser }) => {
  const id = randomBytes(4).toString("hex");
  const sub = `ada-${id}`;
  await setOidcAccount({
    sub,
    email: `ada${id}@idp.example`,
    email_verified: true,
    given_name: "Ada",
    family_name: "Lovelace",
    preferred_username: `ada${id}`,
  });
  const context = await freshContext(browser);
  const page = await context.newPage();
  await gotoReady(page, "/sign-in");
  await page.screenshot({ path: `${SHOTS}/sign-in-light.png`, fullPage: true });
  await continueWithProvider(page, sub);

  await expect(page).toHaveURL(/\/sign-in\/external\/sign-up$/);
  await expect(page.getByRole("heading", { name: "Finish creating your account" })).toBeVisible();
  await expect(page.getByLabel("First name")).toHaveValue("Ada");
  await expect(page.getByLabel("Username")).toHaveValue(`ada${id}`);
  await expect(page.getByLabel("Email")).toHaveValue(`ada${id}@idp.example`);
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  await page.screenshot({ path: `${SHOTS}/finish-sign-up-light.png`, fullPage: true });
  for (const [name, options] of [
    ["dark", { colorScheme: "dark" as const }],
    ["phone", { viewport: { width: 390, height: 844 } }],
  ] as const) {
    const other = await browser.newContext(options);
    await other.addCookies(await context.cookies());
    const otherPage = await other.newPage();
    await gotoReady(otherPage, "/sign-in/external/sign-up");
    await expect(otherPage.getByRole("heading", { name: "Finish creating your account" })).toBeVisible();
    await otherPage.screenshot({ path: `${SHOTS}/finish-sign-up-${name}.png`, fullPage: true });
    await other.close();
  }
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter your date of birth.")).toBeVisible();
  await page.getByLabel("Date of birth").fill("1990-12-10");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/dashboard/);

  // Its only way to sign in is the provider: unlinking it is refused.
  await gotoReady(page, "/settings/sign-in-methods");
  const row = page.getByTestId("linked-account");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(E2E_OIDC_NAME);
  await row.getByRole("button", { name: `Unlink ${E2E_OIDC_NAME}` }).click();
  await expect(page.getByRole("alertdialog")).toContainText("This is your only way to sign in");
  await expect(page.getByRole("alertdialog").getByRole("button", { name: "Unlink" })).toBeDisabled();
  await page.keyboard.press("Escape");

  // Signed out here, still signed in at the provider: the provider sends the person straight back.
  await signOut(page);
  await page.getByRole("button", { name: `Continue with ${E2E_OIDC_NAME}` }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  await context.close();
});

test("a signed-in person links the provider from Settings and unlinks it", async ({ browser }) => {
  const id = randomBytes(4).toString("hex");
  const sub = `grace-${id}`;
  // The provider's address differs from the account's and is not verified: linking from Settings
  // does not depend on it.
  await setOidcAccount({ sub, email: `grace${id}@idp.example`, email_verified: false, given_name: "Grace" });
  const context = await freshContext(browser);
  const page = await context.newPage();
  const person = await signUpAndSignIn(page, newPerson());
  await gotoReady(page, "/settings/sign-in-methods");
  await expect(page.getByTestId("linked-accounts")).toContainText("No linked accounts yet");
  // Linking needs a confirmed address (an unconfirmed one may be a stranger's).
  await page.getByRole("button", { name: `Link ${E2E_OIDC_NAME}` }).click();
  await expect(page.getByText("Confirm your email address before linking a sign-in provider.")).toBeVisible();
  await confirmEmail(page, person.email);
  await gotoReady(page, "/settings/sign-in-methods");
  await page.getByRole("button", { name: `Link ${E2E_OIDC_NAME}` }).click();
  await signInAtProvider(page, sub);

  await expect(page).toHaveURL(/\/settings\/sign-in-methods\?linked=oidc/);
  await expect(page.getByText(`${E2E_OIDC_NAME} is linked.`)).toBeVisible();
  const row = page.getByTestId("linked-account");
  await expect(row).toContainText(`grace${id}@idp.example`);
  await page.screenshot({ path: `${SHOTS}/settings-linked-light.png`, fullPage: true });

  const dark = await freshContext(browser, "dark");
  await dark.addCookies(await context.cookies());
  const darkPage = await dark.newPage();
  await gotoReady(darkPage, "/settings/sign-in-methods");
  await darkPage.screenshot({ path: `${SHOTS}/settings-linked-dark.png`, fullPage: true });
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await phone.addCookies(await context.cookies());
  const phonePage = await phone.newPage();
  await gotoReady(phonePage, "/settings/sign-in-methods");
  await phonePage.screenshot({ path: `${SHOTS}/settings-linked-phone.png`, fullPage: true });
  await dark.close();
  await phone.close();

  // Signing out and in with the provider now reaches this account.
  await signOut(page);
  await signOutAtProvider(page);
  await continueWithProvider(page, sub);
  await expect(page).toHaveURL(/\/dashboard/);

  await gotoReady(page, "/settings/sign-in-methods");
  await page.getByRole("button", { name: `Unlink ${E2E_OIDC_NAME}` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Unlink" }).click();
  await expect(page.getByText(`${E2E_OIDC_NAME} is unlinked.`)).toBeVisible();
  await expect(page.getByTestId("linked-account")).toHaveCount(0);
  await context.close();
});

test("an unverified address matching an account links nothing; pages in dark mode and on a phone", async ({
  browser,
}) => {
  const id = randomBytes(4).toString("hex");
  const context = await freshContext(browser, "dark");
  const page = await context.newPage();
  const person = await signUpAndSignIn(page, newPerson());
  await signOut(page);
  const sub = `mallory-${id}`;
  await setOidcAccount({ sub, email: person.email, email_verified: false, given_name: "Mallory" });
  await continueWithProvider(page, sub);
  await expect(page).toHaveURL(/\/sign-in\/external\/error\?reason=email_taken/);
  await expect(page.getByText("An account already uses this email address.")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/error-dark.png`, fullPage: true });

  // A verified one asks for proof of the account first.
  const verified = `victor-${id}`;
  await setOidcAccount({ sub: verified, email: person.email, email_verified: true, given_name: "Victor" });
  await signOutAtProvider(page);
  await gotoReady(page, "/sign-in");
  await continueWithProvider(page, verified);
  await expect(page).toHaveURL(/\/sign-in\/external\/link$/);
  await expect(page.getByRole("heading", { name: "You already have an account" })).toBeVisible();
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  await page.screenshot({ path: `${SHOTS}/link-proof-dark.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/link-proof-phone.png`, fullPage: true });
  await page.getByLabel("Password of your account").fill(person.password);
  await page.getByRole("button", { name: `Link ${E2E_OIDC_NAME} and sign in` }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  await context.close();
});

test("an account without a password is proved by an emailed link, opened in the same browser", async ({ browser }) => {
  // An account made through the provider before (no password) meets a second provider identity
  // claiming its verified address: the emailed link is the only proof.
  const id = randomBytes(4).toString("hex");
  const first = `first-${id}`;
  const email = `owner${id}@idp.example`;
  await setOidcAccount({ sub: first, email, email_verified: true, given_name: "Olga", family_name: "Owner" });
  const context = await freshContext(browser);
  const page = await context.newPage();
  await gotoReady(page, "/sign-in");
  await continueWithProvider(page, first);
  // Typed before hydration, the date would be reset by React: wait for the page to be live.
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  await page.getByLabel("Date of birth").fill("1985-05-05");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  await signOut(page);

  const second = `second-${id}`;
  await setOidcAccount({ sub: second, email, email_verified: true, given_name: "Olga" });
  await signOutAtProvider(page);
  await continueWithProvider(page, second);
  await expect(page).toHaveURL(/\/sign-in\/external\/link$/);
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  await expect(page.getByLabel("Password of your account")).toHaveCount(0);
  await page.getByRole("button", { name: "Email me a link instead" }).click();
  await expect(page.getByText(`We sent a link to ${email}.`)).toBeVisible();
  const link = await newestLinkTo(email, "/sign-in/external/link/confirm");

  // Another browser (the address's owner, say) cannot use it.
  const elsewhere = await freshContext(browser);
  const elsewherePage = await elsewhere.newPage();
  await gotoReady(elsewherePage, link);
  await expect(elsewherePage.getByRole("heading", { name: "This link cannot be used here" })).toBeVisible();
  await elsewhere.close();

  await gotoReady(page, link);
  await page.screenshot({ path: `${SHOTS}/confirm-link-light.png`, fullPage: true });
  await page.getByRole("button", { name: "Link and sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  await gotoReady(page, "/settings/sign-in-methods");
  await expect(page.getByTestId("linked-account")).toHaveCount(2);
  await context.close();
});

test("a role requiring 2FA still asks for it after a provider sign-in, unless the admin trusts the provider's MFA", async ({
  browser,
}) => {
  // A Super Admin (its role requires 2FA; signedInAs sets TOTP up) links the provider.
  const { context, page } = await signedInAs(browser, ["super_admin"]);
  const sub = `admin-${randomBytes(4).toString("hex")}`;
  await setOidcAccount({ sub, email: `${sub}@idp.example`, email_verified: true, amr: ["pwd", "otp"] });
  await gotoReady(page, "/settings/sign-in-methods");
  await page.getByRole("button", { name: `Link ${E2E_OIDC_NAME}` }).click();
  await signInAtProvider(page, sub);
  await expect(page).toHaveURL(/\/settings\/sign-in-methods\?linked=oidc/);

  // Not trusted (the default): the provider's MFA claim does not count.
  await signOut(page);
  await signOutAtProvider(page);
  await continueWithProvider(page, sub);
  await expect(page).toHaveURL(/\/sign-in\/two-factor/);
  await page.getByRole("button", { name: "Sign in as someone else" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  // The admin trusts it.
  const admin = await signedInAs(browser, ["super_admin"]);
  await gotoReady(admin.page, "/admin/sign-in-providers");
  const card = admin.page.getByTestId("sign-in-provider-oidc");
  await expect(card).toContainText("/api/auth/callback/oidc");
  await card.getByLabel("Trust this provider's multi-factor sign-in").check();
  await card.getByRole("button", { name: "Save" }).click();
  await expect(admin.page.getByText(`${E2E_OIDC_NAME}: settings saved.`)).toBeVisible();
  await admin.page.screenshot({ path: `${SHOTS}/admin-providers-light.png`, fullPage: true });

  try {
    // A sign-in asserting MFA now completes at once; one asserting a single factor still asks.
    await signOutAtProvider(page);
    await gotoReady(page, "/sign-in");
    await continueWithProvider(page, sub);
    await expect(page).toHaveURL(/\/dashboard/);
    await signOut(page);
    await setOidcAccount({ sub, email: `${sub}@idp.example`, email_verified: true, amr: ["pwd"] });
    await signOutAtProvider(page);
    await continueWithProvider(page, sub);
    await expect(page).toHaveURL(/\/sign-in\/two-factor/);
  } finally {
    await gotoReady(admin.page, "/admin/sign-in-providers");
    await card.getByLabel("Trust this provider's multi-factor sign-in").uncheck();
    await card.getByRole("button", { name: "Save" }).click();
    await expect(admin.page.getByText(`${E2E_OIDC_NAME}: settings saved.`).first()).toBeVisible();
  }
  await admin.context.close();
  await context.close();
});
