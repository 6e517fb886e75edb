// "A role requires 2FA" holds for sessions that are already signed in: granting such a role to a
// person without 2FA sends their open session to enrolment on the next request.
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { E2E_DATABASE } from "./env";
import { freshContext, gotoReady, newPerson, signUpAndSignIn } from "./helpers";

/** What an administrator (or another instance of the app) does meanwhile, written to the e2e database. */
function grantRole(username: string, roleKey: string) {
  const db = new Database(E2E_DATABASE.replace(/^file:/, ""));
  try {
    db.prepare(
      `INSERT INTO "UserRole" ("userId", "roleId", "createdAt")
       SELECT u."id", r."id", ? FROM "User" u, "Role" r WHERE u."username" = ? AND r."key" = ?`,
    ).run(new Date().toISOString(), username, roleKey);
  } finally {
    db.close();
  }
}

test("an open session is sent to enrolment once its user is given a role requiring 2FA", async ({ browser }) => {
  const person = newPerson();
  const context = await freshContext(browser);
  const page = await context.newPage();
  await signUpAndSignIn(page, person);
  await gotoReady(page, "/settings/profile");
  await expect(page).toHaveURL(/\/settings\/profile/);

  grantRole(person.username, "admin");

  // The very next page is the enrolment step, and so is every page after it.
  await gotoReady(page, "/settings/sessions");
  await expect(page).toHaveURL(/\/setup-two-factor/);
  await expect(page.getByRole("heading", { name: "Set up two-factor authentication" })).toBeVisible();
  await gotoReady(page, "/dashboard");
  await expect(page).toHaveURL(/\/setup-two-factor/);
  await context.close();
});
