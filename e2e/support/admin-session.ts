// A fresh administrator for one test, whatever other specs did to the seeded admin (the two-factor
// spec enrols it with a secret only it knows): the account is written straight to the e2e database
// with the role asked for, signs in through the real form, and sets up TOTP through the real
// enrolment page when the role requires it.
import { createHash, randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import Database from "better-sqlite3";
import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { authenticator } from "otplib";
import { E2E_DATABASE } from "../env";
import { freshContext, gotoReady, newPerson, signIn } from "../helpers";

export function withE2eDb<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(E2E_DATABASE.replace(/^file:/, ""), { timeout: 10_000 });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

export type E2eAccount = ReturnType<typeof newPerson> & { id: string };

/** A verified, active account with the given built-in or custom role keys, made directly in the database. */
export function createAccount(
  roleKeys: string[] = ["user"],
  overrides: { firstName?: string; lastName?: string; staffApproval?: string; verified?: boolean } = {},
): E2eAccount {
  const person = { ...newPerson(), ...(overrides.firstName ? { firstName: overrides.firstName } : {}) };
  if (overrides.lastName) person.lastName = overrides.lastName;
  const id = `e2e${randomUUID().replace(/-/g, "").slice(0, 20)}`;
  // The text form Prisma's SQLite adapter writes (it compares dates as text: "Z" would not match).
  const now = new Date().toISOString().replace("Z", "+00:00");
  // As lib/auth/password.ts: bcrypt over the SHA-256 of the NFKC-normalised password.
  const prehash = createHash("sha256").update(person.password.normalize("NFKC"), "utf8").digest("base64");
  const hash = bcrypt.hashSync(prehash, 10);
  withE2eDb((db) => {
    db.prepare(
      `INSERT INTO "User" ("id", "username", "email", "firstName", "lastName", "dateOfBirth", "passwordHash",
        "emailVerifiedAt", "status", "staffApproval", "passwordChangedAt", "createdAt", "updatedAt")
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?, ?)`,
    ).run(
      id,
      person.username,
      person.email,
      person.firstName,
      person.lastName,
      new Date(Date.UTC(1992, 3, 17)).toISOString().replace("Z", "+00:00"),
      hash,
      overrides.verified === false ? null : now,
      overrides.staffApproval ?? null,
      now,
      now,
      now,
    );
    for (const key of roleKeys) {
      const role = db.prepare(`SELECT "id" FROM "Role" WHERE "key" = ?`).get(key) as { id: string } | undefined;
      if (!role) throw new Error(`no role ${key}`);
      db.prepare(`INSERT INTO "UserRole" ("userId", "roleId", "createdAt") VALUES (?, ?, ?)`).run(id, role.id, now);
    }
  });
  return { ...person, id };
}

const totp = authenticator.clone({ step: 30, digits: 6, window: 0 });

/** Signs `account` in on `page`; when a role requires 2FA, sets it up on the enrolment page. */
export async function signInAccount(page: Page, account: E2eAccount): Promise<{ totpSecret: string | null }> {
  await signIn(page, account.username, account.password);
  await expect(page).toHaveURL(/\/dashboard|\/setup-two-factor|\/pending-approval/);
  if (!/\/setup-two-factor/.test(page.url())) return { totpSecret: null };
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  await page.getByRole("button", { name: "Set up two-factor authentication" }).click();
  const secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s+/g, "");
  await page.getByLabel("Code from the app").fill(totp.generate(secret));
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByTestId("recovery-codes")).toBeVisible();
  await page.getByRole("button", { name: "I saved my codes, continue" }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  return { totpSecret: secret };
}

/** A new browser context signed in as a new account holding `roleKeys` (Super Admin by default). */
export async function signedInAs(
  browser: Browser,
  roleKeys: string[] = ["super_admin"],
  options: { colorScheme?: "light" | "dark"; firstName?: string } = {},
): Promise<{ context: BrowserContext; page: Page; account: E2eAccount }> {
  const context = await freshContext(browser, options.colorScheme ?? "light");
  const page = await context.newPage();
  const account = createAccount(roleKeys, { firstName: options.firstName });
  await signInAccount(page, account);
  await gotoReady(page, "/dashboard");
  return { context, page, account };
}


