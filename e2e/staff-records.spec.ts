// A Manager keeps the staff records: finds a staff member by name, tries an employee number that
// another staff member already has (refused inline on the field), then saves a free one and sees
// it in the table; sorting by employee number puts the two numbered people first. Screenshots
// (light, dark, phone) go to /tmp/shots-directory.
import { mkdirSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { gotoReady } from "./helpers";
import { createAccount, signedInAs, withE2eDb } from "./support/admin-session";

const SHOTS = "/tmp/shots-directory";
mkdirSync(SHOTS, { recursive: true });

const marker = `sr${randomBytes(3).toString("hex")}`;

test("a Manager edits a staff member's employee number", async ({ browser }) => {
  test.setTimeout(180_000);
  const grace = createAccount(["staff"], { firstName: "Grace", lastName: `Hopper ${marker}` });
  const alan = createAccount(["staff"], { firstName: "Alan", lastName: `Turing ${marker}` });
  createAccount(["staff"], { firstName: "Edsger", lastName: `Dijkstra ${marker}` });
  const taken = `E-${marker.toUpperCase()}-1`;
  const now = new Date().toISOString().replace("Z", "+00:00");
  withE2eDb((db) =>
    db
      .prepare(
        `INSERT INTO "StaffProfile" ("userId", "employeeNumber", "phone", "hiredOn", "version", "createdAt", "updatedAt")
         VALUES (?, ?, ?, ?, 1, ?, ?)`,
      )
      .run(alan.id, taken, "+44 161 496 0000", "2021-09-01T00:00:00.000+00:00", now, now),
  );

  const { context, page } = await signedInAs(browser, ["manager"]);
  await gotoReady(page, "/records/staff");
  await expect(page.getByRole("heading", { name: "Staff", level: 1 })).toBeVisible();
  await page.getByLabel("Search staff").fill(marker);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${marker}`));
  const rows = page.getByTestId("staff-row");
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: "Alan Turing" })).toContainText(taken);

  // A taken number comes back from the server on its field; nothing is saved.
  await page.getByRole("button", { name: `Edit Grace Hopper ${marker}` }).click();
  const dialog = page.getByRole("dialog", { name: `Edit Grace Hopper ${marker}` });
  await dialog.getByLabel("Employee number").fill(taken);
  await dialog.getByLabel("Hire date").fill("2024-03-01");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByText(`${taken} is already another staff member's employee number.`)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/edit-dialog-taken-light.png` });

  // A free number saves, closes the dialog and shows in the row.
  const mine = `E-${marker.toUpperCase()}-2`;
  await dialog.getByLabel("Employee number").fill(mine);
  await dialog.getByLabel("Phone").fill("+44 20 7946 0958");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Saved Grace Hopper ${marker}'s staff record.`)).toBeVisible();
  const graceRow = rows.filter({ hasText: "Grace Hopper" });
  await expect(graceRow).toContainText(mine);
  await expect(graceRow).toContainText("+44 20 7946 0958");
  await expect(graceRow).toContainText("1 Mar 2024");

  // Sorted by employee number: the two numbered people first, the one without last.
  await page.getByRole("link", { name: /Employee no\./ }).click();
  await expect(page).toHaveURL(/sort=employeeNumber/);
  await expect(rows.first()).toContainText(taken);
  await expect(rows.nth(1)).toContainText(mine);
  await expect(rows.last()).toContainText("Edsger");
  await page.screenshot({ path: `${SHOTS}/staff-table-light.png`, fullPage: true });

  const stored = withE2eDb(
    (db) =>
      db.prepare(`SELECT "employeeNumber", "version" FROM "StaffProfile" WHERE "userId" = ?`).get(grace.id) as {
        employeeNumber: string;
        version: number;
      },
  );
  expect(stored).toEqual({ employeeNumber: mine, version: 1 });

  await page.emulateMedia({ colorScheme: "dark" });
  await page.getByRole("button", { name: `Edit Grace Hopper ${marker}` }).click();
  await expect(page.getByRole("dialog", { name: `Edit Grace Hopper ${marker}` })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/edit-dialog-dark.png` });
  await page.keyboard.press("Escape");
  await page.screenshot({ path: `${SHOTS}/staff-table-dark.png`, fullPage: true });

  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/staff-table-phone.png`, fullPage: true });
  await context.close();
});

// The directory's other page piece: the "Send email" dialog (components/emails/send-email-dialog.tsx)
// that the customer page hosts. A template with a missing variable is refused inline; filled in, the
// message goes out through the email API's DAL and the outbox row names the customer and sender.
test("a Manager emails a customer from the customer page with a template", async ({ browser }) => {
  test.setTimeout(120_000);
  const customerId = `e2ec${randomBytes(8).toString("hex")}`;
  const email = `${marker}.ada@example.com`;
  const now = new Date().toISOString().replace("Z", "+00:00");
  withE2eDb((db) =>
    db
      .prepare(
        `INSERT INTO "Customer" ("id", "name", "email", "version", "createdAt", "updatedAt") VALUES (?, ?, ?, 1, ?, ?)`,
      )
      .run(customerId, `Ada Lovelace ${marker}`, email, now, now),
  );
  const { context, page, account } = await signedInAs(browser, ["manager"]);
  await gotoReady(page, `/records/customers/${customerId}`);
  await page.getByRole("button", { name: "Send email" }).click();
  const dialog = page.getByRole("dialog", { name: `Email Ada Lovelace ${marker}` });
  await expect(dialog).toContainText(`To ${email}.`);
  await dialog.getByLabel("Template").selectOption("receipt_follow_up");
  await dialog.getByRole("button", { name: "Send" }).click();
  await expect(dialog.getByText("Give receipt number.")).toBeVisible();
  await dialog.getByLabel("Receipt number").fill("1042");
  await page.screenshot({ path: `${SHOTS}/send-email-light.png` });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: `${SHOTS}/send-email-dark.png` });
  await page.emulateMedia({ colorScheme: "light" });
  await dialog.getByRole("button", { name: "Send" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Email to ${email}`)).toBeVisible();
  const row = withE2eDb(
    (db) =>
      db
        .prepare(`SELECT "subject", "source", "senderId", "customerId" FROM "EmailOutbox" WHERE "to" = ?`)
        .get(email) as Record<string, string>,
  );
  expect(row).toEqual({ subject: "About your receipt 1042", source: "api", senderId: account.id, customerId });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("button", { name: "Send email" }).click();
  await expect(page.getByRole("dialog", { name: `Email Ada Lovelace ${marker}` })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/send-email-phone.png` });
  await context.close();
});
