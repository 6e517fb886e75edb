import { randomBytes } from "node:crypto";
import { expect, test, type Browser } from "@playwright/test";
import { newPerson, shot, signIn, signOut, signUpAndSignIn } from "./helpers";

/** A browser context whose requests all come from `ip` (the e2e server trusts one proxy hop). */
const contextFrom = (browser: Browser, ip: string) =>
  browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": ip } });

test("an account locked by someone else's failures still lets the owner's browser sign in", async ({ browser }) => {
  const b = randomBytes(3);
  const sharedIp = `10.${b[0]}.${b[1]}.${b[2]}`;
  const person = newPerson();

  const owner = await contextFrom(browser, sharedIp);
  const page = await owner.newPage();
  await signUpAndSignIn(page, person);
  const device = (await owner.cookies()).find((c) => c.name.endsWith("opsdeck.device"));
  expect(device?.httpOnly).toBe(true);
  expect(device?.sameSite).toBe("Lax");
  expect(device?.expires).toBeGreaterThan(Date.now() / 1000 + 90 * 86400);
  await signOut(page);

  // Someone on the same network keeps guessing until the account is locked for them.
  const attacker = await contextFrom(browser, sharedIp);
  const guesser = await attacker.newPage();
  for (let i = 0; i < 6; i++) {
    await signIn(guesser, person.username, `wrong guess number ${i}`);
    await expect(guesser.getByText(/Incorrect username, email or password|Too many sign-in attempts/)).toBeVisible();
  }
  await signIn(guesser, person.username, person.password);
  await expect(guesser.getByText(/Too many sign-in attempts/)).toBeVisible();
  await shot(guesser, "sign-in-locked-for-untrusted-browser");

  // The owner's browser carries its device cookie and is not locked out by those failures.
  await signIn(page, person.username, person.password);
  await expect(page).toHaveURL(/\/dashboard/);
});
