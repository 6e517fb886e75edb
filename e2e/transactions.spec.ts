// A Staff member records a sale of two products and sees the stock drop; voids it and sees the
// stock restored; the receipt renders (light, dark, phone). Products are written straight to the
// e2e database, as a products page would have made them.
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { signedInAs, withE2eDb } from "./support/admin-session";
import { gotoReady } from "./helpers";

const SHOTS = "/tmp/shots-transactions";

function makeProduct(name: string, unitPrice: number, taxRateBps: number, stock: number) {
  const id = `e2eprod${randomUUID().replace(/-/g, "").slice(0, 16)}`;
  const sku = `E2E-${randomUUID().slice(0, 8).toUpperCase()}`;
  const now = new Date().toISOString().replace("Z", "+00:00");
  withE2eDb((db) =>
    db
      .prepare(
        `INSERT INTO "Product" ("id", "sku", "name", "unitPrice", "unitCost", "currency", "taxRateBps", "stock",
          "lowStockThreshold", "active", "version", "createdAt", "updatedAt")
         VALUES (?, ?, ?, ?, ?, 'USD', ?, ?, 0, 1, 1, ?, ?)`,
      )
      .run(id, sku, name, unitPrice, Math.round(unitPrice / 2), taxRateBps, stock, now, now),
  );
  return { id, sku, name };
}

function stockOf(id: string): number {
  return withE2eDb(
    (db) => (db.prepare(`SELECT "stock" FROM "Product" WHERE "id" = ?`).get(id) as { stock: number }).stock,
  );
}

async function addBySku(page: Page, sku: string) {
  const search = page.getByRole("combobox", { name: "Add a product" });
  await search.fill(sku);
  await expect(page.getByRole("option").filter({ hasText: sku })).toBeVisible();
  await search.press("Enter");
}

async function stockShownInSearch(page: Page, sku: string): Promise<string> {
  await gotoReady(page, "/records/transactions/new");
  await page.getByRole("combobox", { name: "Add a product" }).fill(sku);
  const option = page.getByRole("option").filter({ hasText: sku });
  await expect(option).toBeVisible();
  return (await option.textContent()) ?? "";
}

test("a Staff member records a sale of two products, voids it, and the stock follows", async ({ browser }) => {
  test.setTimeout(240_000);
  mkdirSync(SHOTS, { recursive: true });
  const lamp = makeProduct("Brass desk lamp", 1250, 825, 10);
  const tea = makeProduct("Earl Grey tea 100 g", 799, 0, 5);
  const { page, context } = await signedInAs(browser, ["staff"]);

  await gotoReady(page, "/records/transactions/new");
  await expect(page.getByRole("heading", { name: "New sale" })).toBeVisible();
  await addBySku(page, lamp.sku);
  await addBySku(page, tea.sku);
  await expect(page.getByTestId("sale-line")).toHaveCount(2);
  await page.getByLabel(`Quantity of ${lamp.name}`).fill("2");

  // More than the stock: refused on the spot, the button stays disabled.
  await page.getByLabel(`Quantity of ${tea.name}`).fill("9");
  await expect(page.getByText("Only 5 in stock.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Record sale" })).toBeDisabled();
  await page.getByLabel(`Quantity of ${tea.name}`).fill("3");
  await page.getByLabel(`Discount on ${lamp.name}`).fill("1.00");
  await page.getByLabel("Order discount").fill("5");
  await page.getByLabel("Payment method").selectOption("card");
  // 2 × 12.50 − 1.00 and 3 × 7.99, minus 5.00 spread, lamp taxed 8.25 %: 44.74 (compute-totals test).
  await expect(page.getByTestId("sale-total")).toHaveText("$44.74");
  await page.screenshot({ path: `${SHOTS}/new-sale-light.png`, fullPage: true });

  await page.getByRole("button", { name: "Record sale" }).click();
  await expect(page).toHaveURL(/\/records\/transactions\/[a-z0-9]+$/);
  await expect(page.getByRole("heading", { name: /Receipt #\d+/ })).toBeVisible();
  await expect(page.getByTestId("receipt-total")).toHaveText("$44.74");
  await expect(page.getByTestId("receipt-line")).toHaveCount(2);
  const receiptUrl = page.url();
  await page.screenshot({ path: `${SHOTS}/receipt-light.png`, fullPage: true });

  expect(stockOf(lamp.id)).toBe(8);
  expect(stockOf(tea.id)).toBe(2);
  expect(await stockShownInSearch(page, lamp.sku)).toContain("8 in stock");

  // The receipt in dark mode and on a phone.
  const dark = await signedInAs(browser, ["staff"], { colorScheme: "dark" });
  await gotoReady(dark.page, receiptUrl);
  await expect(dark.page.getByTestId("receipt-total")).toHaveText("$44.74");
  await dark.page.screenshot({ path: `${SHOTS}/receipt-dark.png`, fullPage: true });
  await dark.page.setViewportSize({ width: 390, height: 844 });
  await dark.page.screenshot({ path: `${SHOTS}/receipt-phone-dark.png`, fullPage: true });
  await dark.context.close();

  // Void it: every unit goes back.
  await gotoReady(page, receiptUrl);
  await page.getByRole("button", { name: "Void" }).click();
  const dialog = page.getByRole("alertdialog");
  await dialog.getByLabel("Reason").fill("Rang up twice");
  await page.screenshot({ path: `${SHOTS}/void-dialog-light.png` });
  await dialog.getByRole("button", { name: "Void sale" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("article").getByText("Voided", { exact: true })).toBeVisible();
  await expect(page.getByText("Rang up twice")).toBeVisible();
  await expect(page.getByRole("button", { name: "Void" })).toHaveCount(0);
  expect(stockOf(lamp.id)).toBe(10);
  expect(stockOf(tea.id)).toBe(5);
  expect(await stockShownInSearch(page, tea.sku)).toContain("5 in stock");

  // The list shows it, voided; on a phone too.
  await gotoReady(page, "/records/transactions?status=voided");
  await expect(page.getByTestId("transaction-row").first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/list-light.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await gotoReady(page, "/records/transactions/new");
  await page.screenshot({ path: `${SHOTS}/new-sale-phone.png`, fullPage: true });
  await context.close();
});
