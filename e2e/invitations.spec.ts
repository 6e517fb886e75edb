// Invitations end to end: a Super Admin invites an address with the Staff role, the invitee
// accepts through the mailed link (username, name, password; the address is the invitation's and
// already confirmed) and signs in to an app with Records; the used link is refused afterwards, as
// are revoked and replaced (resent) links, and an address that already has an account.
import { expect, test, type Page } from "@playwright/test";
import { freshContext, gotoReady, newPerson, signIn } from "./helpers";
import { newestLinkTo } from "./mailbox";
import { createAccount, signedInAs } from "./support/admin-session";
import { permissionsOf, shotLightAndDark } from "./support/staff-invite";

// Several accounts sign in (a Super Admin enrols in 2FA first) on a shared 2-core machine.
test.describe.configure({ timeout: 240_000 });

async function invite(page: Page, email: string, role: string) {
  await gotoReady(page, "/admin/invitations");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Role").selectOption({ label: role });
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible();
  await expect(page.getByTestId("invitation-row").filter({ hasText: email })).toBeVisible();
}

test("invite → accept through the emailed link → sign in; the used link is refused", async ({ browser }) => {
  const admin = await signedInAs(browser, ["super_admin"], { firstName: "Grace" });
  const invitee = newPerson();
  await invite(admin.page, invitee.email, "Staff");
  const row = admin.page.getByTestId("invitation-row").filter({ hasText: invitee.email });
  await expect(row).toContainText("Staff");
  await expect(row).toContainText("Pending");
  await expect(row).toContainText("in 7 days");

  const link = await newestLinkTo(invitee.email, "/invite/");
  const context = await freshContext(browser);
  const page = await context.newPage();
  await gotoReady(page, link);
  await expect(page.getByRole("heading", { name: /^Join / })).toBeVisible();
  await expect(page.getByText(/invited you as/)).toContainText("Staff");
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue(invitee.email);
  await page.getByLabel("First name").fill(invitee.firstName);
  await page.getByLabel("Last name").fill(invitee.lastName);
  await page.getByLabel("Username").fill(invitee.username);
  await page.getByLabel("Date of birth").fill(invitee.dateOfBirth);
  await page.getByLabel("Password", { exact: true }).fill(invitee.password);
  await page.getByLabel("Confirm password").fill(invitee.password);
  await shotLightAndDark(page, "invite-accept");
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page).toHaveURL(/\/invite\/accepted/);
  await expect(page.getByRole("heading", { name: "Your account is ready" })).toBeVisible();
  await page.getByRole("link", { name: "Sign in" }).click();

  await signIn(page, invitee.username, invitee.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Records", exact: true }),
  ).toBeVisible();
  // Confirmed by the invitation: no verify-email banner, and records are open.
  await expect(page.getByText(/Confirm .* to unlock/)).toHaveCount(0);
  expect(await permissionsOf(page)).toContain("customers.read");

  await gotoReady(page, link);
  await expect(page.getByRole("heading", { name: "This invitation was used already" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Create my account" })).toHaveCount(0);

  await gotoReady(admin.page, "/admin/invitations");
  await expect(admin.page.getByTestId("invitation-history-row").filter({ hasText: invitee.email })).toContainText(
    `@${invitee.username}`,
  );
  await context.close();
  await admin.context.close();
});

test("revoked and replaced links are refused, and an address with an account cannot be invited", async ({
  browser,
}) => {
  const admin = await signedInAs(browser, ["super_admin"]);
  const page = admin.page;

  // Resend: a new link; the first one stops working.
  const resent = newPerson();
  await invite(page, resent.email, "User");
  const first = await newestLinkTo(resent.email, "/invite/");
  const row = page.getByTestId("invitation-row").filter({ hasText: resent.email });
  await row.getByRole("button", { name: `Resend the invitation to ${resent.email}` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Resend" }).click();
  await expect(page.getByText(`A new invitation is on its way to ${resent.email}.`)).toBeVisible();
  await expect.poll(() => newestLinkTo(resent.email, "/invite/")).not.toBe(first);

  const visitor = await freshContext(browser);
  const other = await visitor.newPage();
  await gotoReady(other, first);
  await expect(other.getByRole("heading", { name: "This invitation link is not valid" })).toBeVisible();
  await gotoReady(other, await newestLinkTo(resent.email, "/invite/"));
  await expect(other.getByRole("button", { name: "Create my account" })).toBeVisible();

  // Revoke: the link is refused at once, with nothing to fill in.
  const revoked = newPerson();
  await invite(page, revoked.email, "Staff");
  const revokedLink = await newestLinkTo(revoked.email, "/invite/");
  await page
    .getByTestId("invitation-row")
    .filter({ hasText: revoked.email })
    .getByRole("button", { name: `Revoke the invitation to ${revoked.email}` })
    .click();
  const dialog = page.getByRole("alertdialog", { name: "Revoke this invitation?" });
  await dialog.getByRole("button", { name: "Revoke invitation" }).click();
  await expect(page.getByText(`The invitation to ${revoked.email} was revoked.`)).toBeVisible();
  await expect(page.getByTestId("invitation-history-row").filter({ hasText: revoked.email })).toContainText("Revoked");
  await gotoReady(other, revokedLink);
  await expect(other.getByRole("heading", { name: "This invitation was revoked" })).toBeVisible();
  await expect(other.getByText("No account was created.")).toBeVisible();
  await shotLightAndDark(other, "invite-revoked");

  // An address that has an account: refused at invite time, with the reason by the field.
  const existing = createAccount(["user"]);
  await gotoReady(page, "/admin/invitations");
  await page.getByLabel("Email address").fill(existing.email.toUpperCase());
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText("An account with this email address already exists.").first()).toBeVisible();
  await expect(page.getByTestId("invitation-row").filter({ hasText: existing.email })).toHaveCount(0);

  await gotoReady(page, "/admin/invitations");
  await shotLightAndDark(page, "admin-invitations");

  // A Manager (no users.invite) gets the 403 page.
  const manager = await signedInAs(browser, ["manager"]);
  expect((await manager.page.goto("/admin/invitations"))?.status()).toBe(403);
  await manager.context.close();
  await visitor.close();
  await admin.context.close();
});
