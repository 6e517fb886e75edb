import { expect, test } from "@playwright/test";
import { freshContext, newPerson, shot, signIn, signUp, gotoReady } from "./helpers";

test("revoking another session from the sessions page signs that browser out", async ({ browser }) => {
  const person = newPerson();
  const laptop = await freshContext(browser);
  const a = await laptop.newPage();
  await signUp(a, person);
  await signIn(a, person.username, person.password, { remember: true });
  await expect(a).toHaveURL(/\/dashboard/);

  const phone = await freshContext(browser);
  const b = await phone.newPage();
  await signIn(b, person.email, person.password);
  await expect(b).toHaveURL(/\/dashboard/);

  await gotoReady(a, "/settings/sessions");
  const rows = a.getByTestId("session-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText("This device");
  await shot(a, "30-sessions");
  await rows.nth(1).getByRole("button", { name: "Sign out" }).click();
  await expect(a.getByText("That device is signed out.")).toBeVisible();
  await expect(rows).toHaveCount(1);

  await gotoReady(b, "/settings/profile");
  await expect(b).toHaveURL(/\/sign-in\?next=%2Fsettings%2Fprofile/);
  // The ended session's cookie is dropped on the way, and the page says why.
  await expect(b.getByText("Your session ended.")).toBeVisible();
  expect((await phone.cookies()).find((c) => c.name.endsWith("authjs.session-token"))).toBeUndefined();

  // "Remember me" gives a persistent cookie; without it the cookie ends with the browser.
  const remembered = (await laptop.cookies()).find((c) => c.name.endsWith("authjs.session-token"));
  expect(remembered?.expires).toBeGreaterThan(Date.now() / 1000 + 20 * 86400);
  await signIn(b, person.email, person.password);
  await expect(b).toHaveURL(/\/dashboard/);
  const browserOnly = (await phone.cookies()).find((c) => c.name.endsWith("authjs.session-token"));
  expect(browserOnly?.expires).toBe(-1);
  expect(browserOnly?.httpOnly).toBe(true);
  expect(browserOnly?.sameSite).toBe("Lax");

  await gotoReady(a, "/settings/sessions");
  await a.getByRole("button", { name: "Sign out all other sessions" }).click();
  await expect(a.getByText("Signed out 1 other session.")).toBeVisible();
  await b.reload();
  await expect(b).toHaveURL(/\/sign-in/);
  await laptop.close();
  await phone.close();
});

test("changing the password keeps this session and ends the others", async ({ browser }) => {
  const person = newPerson();
  const one = await freshContext(browser);
  const a = await one.newPage();
  await signUp(a, person);
  await signIn(a, person.username, person.password);
  const two = await freshContext(browser);
  const b = await two.newPage();
  await signIn(b, person.username, person.password);
  await expect(b).toHaveURL(/\/dashboard/);

  await gotoReady(a, "/settings/security");
  await a.getByLabel("Current password").fill("not my password at all");
  await a.getByLabel("New password", { exact: true }).fill("copper meadow signal 71#");
  await a.getByLabel("Confirm new password").fill("copper meadow signal 71#");
  await a.getByRole("button", { name: "Change password" }).click();
  await expect(a.getByText("This is not your current password.")).toBeVisible();
  await a.getByLabel("Current password").fill(person.password);
  await a.getByRole("button", { name: "Change password" }).click();
  await expect(a.getByText(/Password changed\. 1 other session was signed out\./)).toBeVisible();
  await gotoReady(a, "/settings/profile");
  await expect(a).toHaveURL(/\/settings\/profile/);
  await b.reload();
  await expect(b).toHaveURL(/\/sign-in/);
  await one.close();
  await two.close();
});
