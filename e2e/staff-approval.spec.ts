// A staff applicant signs up asking for a staff account, confirms their address, signs in and sees
// only the waiting page (with no permission at all) until a Manager approves them from the queue
// counted in the sidebar; then Records opens on their next page, without signing in again. A
// rejected applicant is told the reason by email and, once, in the app.
import { expect, test, type Page } from "@playwright/test";
import { freshContext, gotoReady, newPerson, signIn } from "./helpers";
import { mailTo } from "./mailbox";
import { signedInAs } from "./support/admin-session";
import { confirmEmail, permissionsOf, shotLightAndDark, signUpForStaff } from "./support/staff-invite";

// Several accounts sign in (a Super Admin enrols in 2FA first) on a shared 2-core machine.
test.describe.configure({ timeout: 240_000 });

async function newestMail(email: string, subject: RegExp) {
  await expect.poll(async () => (await mailTo(email)).some((m) => subject.test(m.subject))).toBe(true);
  const message = (await mailTo(email)).find((m) => subject.test(m.subject));
  if (!message) throw new Error("no such mail");
  return message;
}

async function expectOnlyTheWaitingPage(page: Page) {
  for (const path of ["/dashboard", "/records", "/board", "/settings/profile", "/approvals", "/admin"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/pending-approval$/);
  }
  await expect(page.getByRole("heading", { name: "Your staff application is waiting for approval" })).toBeVisible();
  expect(await permissionsOf(page)).toEqual([]);
}

test("a staff applicant waits, is approved from the queue, is emailed, and sees Records on the next page", async ({
  browser,
}) => {
  const context = await freshContext(browser);
  const page = await context.newPage();
  const person = await signUpForStaff(
    page,
    { ...newPerson(), firstName: "Priya", lastName: "Raman" },
    { shot: "sign-up-staff" },
  );
  await confirmEmail(page, person.email);
  await signIn(page, person.username, person.password);
  await expect(page).toHaveURL(/\/pending-approval$/);
  await expect(page.getByText("Email address confirmed")).toBeVisible();
  await expectOnlyTheWaitingPage(page);
  await shotLightAndDark(page, "pending-approval");

  const approver = await signedInAs(browser, ["manager"]);
  const approvals = approver.page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: /Staff approvals/ });
  await expect(approvals.getByLabel(/\d+ waiting/)).toBeVisible();
  await approvals.click();
  await expect(approver.page).toHaveURL(/\/approvals$/);
  const row = approver.page.getByTestId("staff-application").filter({ hasText: `@${person.username}` });
  await expect(row).toContainText(person.email);
  await expect(row).toContainText("Verified");
  await expect(row).toContainText("Priya Raman");
  await shotLightAndDark(approver.page, "approvals");

  await row.getByRole("button", { name: "Approve Priya Raman" }).click();
  const dialog = approver.page.getByRole("alertdialog", { name: "Approve Priya Raman as staff?" });
  await expect(dialog).toBeVisible();
  await shotLightAndDark(approver.page, "approvals-approve-dialog");
  await dialog.getByRole("button", { name: "Approve" }).click();
  await expect(dialog).toBeHidden();
  await expect(approver.page.getByText("Priya Raman is now staff.")).toBeVisible();
  await expect(row).toHaveCount(0);
  await expect(approver.page.getByTestId("staff-decision").filter({ hasText: `@${person.username}` })).toContainText(
    "Approved",
  );

  const mail = await newestMail(person.email, /approved/i);
  expect(mail.text).toContain("/dashboard");

  // The applicant's next request, same session: the app opens, with Records.
  await gotoReady(page, "/dashboard");
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Records", exact: true }),
  ).toBeVisible();
  expect(await permissionsOf(page)).toEqual(expect.arrayContaining(["customers.read", "transactions.write"]));
  expect((await page.goto("/records"))?.status()).toBe(200);
  await page.goto("/pending-approval");
  await expect(page).toHaveURL(/\/dashboard$/);
  await approver.context.close();
  await context.close();
});

test("a rejected applicant is emailed the reason, reads it once in the app, and carries on as an ordinary user", async ({
  browser,
}) => {
  const context = await freshContext(browser);
  const page = await context.newPage();
  const person = await signUpForStaff(page, { ...newPerson(), firstName: "Tomasz", lastName: "Nowak" });
  await signIn(page, person.username, person.password);
  await expect(page).toHaveURL(/\/pending-approval$/);
  // Not confirmed yet: the waiting page says so and offers a new link.
  await expect(page.getByText("Confirm your email address")).toBeVisible();
  await expect(page.getByRole("button", { name: "Resend email" })).toBeVisible();

  const approver = await signedInAs(browser, ["manager"]);
  await gotoReady(approver.page, "/approvals");
  const row = approver.page.getByTestId("staff-application").filter({ hasText: `@${person.username}` });
  await expect(row).toContainText("Not verified");
  await row.getByRole("button", { name: "Reject Tomasz Nowak" }).click();
  const dialog = approver.page.getByRole("alertdialog", { name: "Reject Tomasz Nowak's application?" });
  const confirm = dialog.getByRole("button", { name: "Reject application" });
  await expect(confirm).toBeDisabled();
  const reason = "We could not match this account to anyone on the rota.";
  await dialog.getByLabel("Reason").fill(reason);
  await shotLightAndDark(approver.page, "approvals-reject-dialog");
  await confirm.click();
  await expect(dialog).toBeHidden();
  await expect(row).toHaveCount(0);
  await expect(approver.page.getByTestId("staff-decision").filter({ hasText: `@${person.username}` })).toContainText(
    reason,
  );

  const mail = await newestMail(person.email, /staff application/i);
  expect(mail.text).toContain(reason);

  // Next request: the decision, once.
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/pending-approval$/);
  await expect(page.getByRole("heading", { name: "Your staff application was not approved" })).toBeVisible();
  await expect(page.getByTestId("rejection-reason")).toHaveText(reason);
  await shotLightAndDark(page, "pending-approval-rejected");
  await page.getByRole("button", { name: /Continue to/ }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await gotoReady(page, "/dashboard");
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Board", exact: true }),
  ).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Records", exact: true }),
  ).toHaveCount(0);
  expect(await permissionsOf(page)).toContain("dashboard.view");
  await approver.context.close();
  await context.close();
});
