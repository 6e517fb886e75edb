// A Manager (products.read + products.write) keeps the catalogue: creates a product in the dialog
// (a price with too many decimals and an empty SKU are refused inline first; a taken SKU is refused
// by the server on the SKU field), sees it in the table with its price and stock, edits its price
// through the row menu, and adjusts stock until the low-stock badge shows. Screenshots (light,
// dark, phone) go to /tmp/shots-products.
import { mkdirSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { gotoReady } from "./helpers";
import { signedInAs } from "./support/admin-session";

const SHOTS = "/tmp/shots-products";
mkdirSync(SHOTS, { recursive: true });

const marker = `PX${randomBytes(3).toString("hex").toUpperCase()}`;
const rows = (page: Page) => page.getByTestId("product-row");

async function search(page: Page, text: string) {
  await page.getByLabel("Search products").fill(text);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(text)}`));
}

test("a Manager creates a product, fixes inline errors, edits its price and sees low stock flagged", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const { context, page } = await signedInAs(browser, ["manager"]);
  await gotoReady(page, "/records/products");
  await expect(page.getByRole("heading", { name: "Products", level: 1 })).toBeVisible();

  // Create: bad values are refused in the browser, inline on their fields.
  await page.getByRole("button", { name: "New product" }).click();
  const dialog = page.getByRole("dialog", { name: "New product" });
  await dialog.getByLabel("Name").fill(`${marker} Earl Grey`);
  await dialog.getByLabel("Unit price (USD)").fill("12.345");
  await dialog.getByLabel("Tax rate (%)").fill("120");
  await dialog.getByRole("button", { name: "Create product" }).click();
  await expect(dialog.getByText("Enter a SKU.")).toBeVisible();
  await expect(dialog.getByText("Use at most 2 decimal places.")).toBeVisible();
  await expect(dialog.getByText("The rate is at most 100 %.")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/dialog-errors-light.png` });

  await dialog.getByLabel("SKU").fill(`${marker.toLowerCase()}-tea`);
  await dialog.getByLabel("Unit price (USD)").fill("12.50");
  await dialog.getByLabel("Unit cost (USD)").fill("7");
  await dialog.getByLabel("Tax rate (%)").fill("8.25");
  await dialog.getByLabel("Opening stock").fill("12");
  await dialog.getByLabel("Low-stock threshold").fill("5");
  await dialog.getByRole("button", { name: "Create product" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Created ${marker} Earl Grey.`)).toBeVisible();

  await search(page, marker);
  await expect(rows(page)).toHaveCount(1);
  const row = rows(page).first();
  await expect(row).toContainText(`${marker}-TEA`);
  await expect(row).toContainText("$12.50");
  await expect(row).toContainText("12");
  await expect(row.getByTestId("stock-badge")).toHaveCount(0);

  // A second product with the same SKU (another case): the server names the SKU field.
  await page.getByRole("button", { name: "New product" }).click();
  const again = page.getByRole("dialog", { name: "New product" });
  await again.getByLabel("SKU").fill(`${marker}-TEA`);
  await again.getByLabel("Name").fill(`${marker} Copy`);
  await again.getByLabel("Unit price (USD)").fill("1");
  await again.getByRole("button", { name: "Create product" }).click();
  await expect(again.getByText("Another product already has this SKU.")).toBeVisible();
  await again.getByRole("button", { name: "Cancel" }).click();
  await expect(again).toBeHidden();

  // Edit the price through the row's menu: the dialog shows decimal text, saves minor units.
  await page.getByRole("button", { name: `Actions for ${marker} Earl Grey` }).click();
  await page.getByRole("menuitem", { name: "Edit" }).click();
  const edit = page.getByRole("dialog", { name: `Edit ${marker} Earl Grey` });
  await expect(edit.getByLabel("Unit price (USD)")).toHaveValue("12.50");
  await expect(edit.getByLabel("Tax rate (%)")).toHaveValue("8.25");
  await edit.getByLabel("Unit price (USD)").fill("13.99");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByText(`Saved ${marker} Earl Grey.`)).toBeVisible();
  await expect(rows(page).first()).toContainText("$13.99");

  // Stock down to the threshold: the Low badge shows; the low-stock filter finds it.
  await page.getByRole("button", { name: `Actions for ${marker} Earl Grey` }).click();
  await page.getByRole("menuitem", { name: "Adjust stock" }).click();
  const adjust = page.getByRole("dialog", { name: `Adjust stock: ${marker} Earl Grey` });
  await adjust.getByLabel("Change").fill("-20");
  await adjust.getByLabel("Reason").fill("Stocktake");
  await adjust.getByRole("button", { name: "Save adjustment" }).click();
  await expect(adjust.getByText(/Only 12 in stock/)).toBeVisible();
  await adjust.getByLabel("Change").fill("-8");
  await adjust.getByRole("button", { name: "Save adjustment" }).click();
  await expect(adjust).toBeHidden();
  await expect(rows(page).first().getByTestId("stock-badge").filter({ visible: true })).toHaveText("Low");
  await page.getByLabel("Stock", { exact: true }).selectOption("yes");
  await expect(page).toHaveURL(/low_stock=yes/);
  await expect(rows(page)).toHaveCount(1);
  await expect(page.getByTestId("export-csv")).toHaveAttribute(
    "href",
    `/api/v1/products/export?q=${marker}&low_stock=yes`,
  );
  await page.screenshot({ path: `${SHOTS}/list-light.png`, fullPage: true });

  // Import: a row with a price that is not a number is named in the preview and nothing is imported;
  // fixed, both rows are imported at once.
  const header = "sku,name,unit_price,currency,stock";
  const csv = (price: string) =>
    `${header}\n${marker}-CSV1,${marker} Darjeeling,4.50,USD,10\n${marker}-CSV2,${marker} Assam,${price},USD,3\n`;
  await page.getByRole("button", { name: "Import CSV" }).click();
  const importer = page.getByRole("dialog", { name: "Import products from CSV" });
  await importer
    .getByLabel("CSV file")
    .setInputFiles({ name: "products.csv", mimeType: "text/csv", buffer: Buffer.from(csv("cheap")) });
  const preview = importer.getByTestId("import-preview");
  await expect(preview).toContainText("1 row to fix");
  await expect(importer.getByTestId("import-row").filter({ hasText: "Assam" })).toContainText("unit_price");
  await expect(importer.getByRole("button", { name: /^Import/ })).toBeDisabled();
  await page.screenshot({ path: `${SHOTS}/import-preview-light.png` });
  await importer
    .getByLabel("CSV file")
    .setInputFiles({ name: "products-fixed.csv", mimeType: "text/csv", buffer: Buffer.from(csv("5.25")) });
  await expect(preview).toContainText("Ready to import");
  await expect(importer.getByTestId("import-row").filter({ hasText: "Assam" })).toContainText("$5.25");
  await importer.getByRole("button", { name: "Import 2 products" }).click();
  await expect(importer).toBeHidden();
  await expect(page.getByText("Imported 2 products.")).toBeVisible();
  await context.close();

  // Dark and phone widths of the same page.
  const dark = await signedInAs(browser, ["manager"], { colorScheme: "dark" });
  await gotoReady(dark.page, `/records/products?q=${marker}`);
  await expect(rows(dark.page)).toHaveCount(3); // the tea made above and the two imported
  await dark.page.screenshot({ path: `${SHOTS}/list-dark.png`, fullPage: true });
  await dark.page.getByRole("button", { name: "New product" }).click();
  await dark.page.getByRole("dialog", { name: "New product" }).getByRole("button", { name: "Create product" }).click();
  await expect(dark.page.getByText("Enter a name.")).toBeVisible();
  await dark.page.screenshot({ path: `${SHOTS}/dialog-dark.png` });
  await dark.page.keyboard.press("Escape");
  await dark.page.setViewportSize({ width: 390, height: 844 });
  await gotoReady(dark.page, `/records/products?q=${marker}`);
  await dark.page.screenshot({ path: `${SHOTS}/list-phone-dark.png`, fullPage: true });
  await gotoReady(dark.page, `/records/products?q=nothing-${marker}`);
  await expect(dark.page.getByText("No products match")).toBeVisible();
  await dark.page.screenshot({ path: `${SHOTS}/empty-phone-dark.png`, fullPage: true });
  await dark.context.close();
});
