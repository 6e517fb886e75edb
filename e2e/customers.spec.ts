// A Staff member (customers.read + customers.write) keeps the customer list: creates a customer in
// the dialog (an invalid email is refused inline first), edits it, opens its page, and imports a
// CSV whose one bad row is shown in the preview and blocks the import until the file is fixed.
// Screenshots (light, dark, phone) go to /tmp/shots-customers.
import { mkdirSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { gotoReady } from "./helpers";
import { signedInAs } from "./support/admin-session";

const SHOTS = "/tmp/shots-customers";
mkdirSync(SHOTS, { recursive: true });

const marker = `cx${randomBytes(3).toString("hex")}`;
const rows = (page: Page) => page.getByTestId("customer-row");
const range = (page: Page) => page.getByTestId("table-range");

async function search(page: Page, text: string) {
  await page.getByLabel("Search customers").fill(text);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(text).replace(/%20/g, "\\+")}`));
}

test("a Staff member creates and edits a customer, then imports a CSV after fixing its bad row", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const { context, page } = await signedInAs(browser, ["staff"]);
  await gotoReady(page, "/records/customers");
  await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();

  // Create: the email is checked before anything is sent, inline on its field.
  await page.getByRole("button", { name: "New customer" }).click();
  const dialog = page.getByRole("dialog", { name: "New customer" });
  await dialog.getByLabel("Name").fill(`${marker} Ada Lovelace`);
  await dialog.getByLabel("Email").fill("ada-at-example");
  await dialog.getByLabel("Tags").fill("VIP, newsletter");
  await dialog.getByRole("button", { name: "Create customer" }).click();
  await expect(dialog.getByText("Enter a valid email address.")).toBeVisible();
  await dialog.getByLabel("Email").fill(`${marker}.ada@example.com`);
  await dialog.getByRole("button", { name: "Create customer" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Created ${marker} Ada Lovelace.`)).toBeVisible();

  await search(page, marker);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText(`${marker}.ada@example.com`);
  await expect(rows(page).first()).toContainText("newsletter");

  // Edit through the row's menu.
  await page.getByRole("button", { name: `Actions for ${marker} Ada Lovelace` }).click();
  await page.getByRole("menuitem", { name: "Edit" }).click();
  const edit = page.getByRole("dialog", { name: `Edit ${marker} Ada Lovelace` });
  await expect(edit.getByLabel("Tags")).toHaveValue("newsletter, vip");
  await edit.getByLabel("Phone").fill("+44 20 7946 0958");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit).toBeHidden();
  await expect(rows(page).first()).toContainText("+44 20 7946 0958");

  // Import: one bad row (an invalid email) is named in the preview and nothing is imported.
  const header = "name,email,phone,tags";
  const good = [`${marker} Grace Hopper,${marker}.grace@example.com,,navy`, `${marker} Alan Turing,,+44 161 000,`];
  const bad = `${header}\n${good[0]}\n${marker} Edsger Dijkstra,edsger-at-example,,\n${good[1]}\n`;
  await page.getByRole("button", { name: "Import CSV" }).click();
  const importer = page.getByRole("dialog", { name: "Import customers from CSV" });
  await importer
    .getByLabel("CSV file")
    .setInputFiles({ name: "customers.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
  const preview = importer.getByTestId("import-preview");
  await expect(preview).toContainText("1 row to fix");
  const badRow = importer.getByTestId("import-row").filter({ hasText: "Edsger" });
  await expect(badRow).toContainText("3");
  await expect(badRow).toContainText("email: Enter a valid email address.");
  await expect(importer.getByRole("button", { name: /^Import/ })).toBeDisabled();
  await page.screenshot({ path: `${SHOTS}/import-preview-light.png` });

  // Fixed file: every row passes, and all three are imported at once.
  const fixed = `${header}\n${good[0]}\n${marker} Edsger Dijkstra,${marker}.edsger@example.com,,\n${good[1]}\n`;
  await importer
    .getByLabel("CSV file")
    .setInputFiles({ name: "customers-fixed.csv", mimeType: "text/csv", buffer: Buffer.from(fixed) });
  await expect(preview).toContainText("Ready to import");
  await importer.getByRole("button", { name: "Import 3 customers" }).click();
  await expect(importer).toBeHidden();
  await expect(page.getByText("Imported 3 customers.")).toBeVisible();
  await expect(range(page)).toHaveText("Showing 1–4 of 4 customers");
  await page.screenshot({ path: `${SHOTS}/list-light.png`, fullPage: true });

  // The export link carries the filter.
  await expect(page.getByTestId("export-csv")).toHaveAttribute("href", `/api/v1/customers/export?q=${marker}`);

  // The customer's page: fields, tags, who made and changed it.
  await rows(page)
    .filter({ hasText: "Ada Lovelace" })
    .getByRole("link", { name: `${marker} Ada Lovelace` })
    .click();
  await expect(page.getByRole("heading", { name: `${marker} Ada Lovelace`, level: 1 })).toBeVisible();
  await expect(page.getByText("+44 20 7946 0958")).toBeVisible();
  await expect(page.getByRole("list", { name: "Tags" })).toContainText("vip");
  await expect(page.getByText(/Last changed/)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/detail-light.png`, fullPage: true });
  await context.close();

  // Dark and phone widths of the same pages.
  const dark = await signedInAs(browser, ["staff"], { colorScheme: "dark" });
  await gotoReady(dark.page, `/records/customers?q=${marker}`);
  await expect(rows(dark.page)).toHaveCount(4);
  await dark.page.screenshot({ path: `${SHOTS}/list-dark.png`, fullPage: true });
  await dark.page.getByRole("button", { name: "New customer" }).click();
  await dark.page
    .getByRole("dialog", { name: "New customer" })
    .getByRole("button", { name: "Create customer" })
    .click();
  await expect(dark.page.getByText("Enter a name.")).toBeVisible();
  await dark.page.screenshot({ path: `${SHOTS}/dialog-dark.png` });
  await dark.page.setViewportSize({ width: 390, height: 844 });
  await dark.page.keyboard.press("Escape");
  await gotoReady(dark.page, `/records/customers?q=${marker}`);
  await dark.page.screenshot({ path: `${SHOTS}/list-phone-dark.png`, fullPage: true });
  await dark.context.close();

  const phone = await signedInAs(browser, ["staff"]);
  await phone.page.setViewportSize({ width: 390, height: 844 });
  await gotoReady(phone.page, `/records/customers?q=${marker}`);
  await expect(rows(phone.page)).toHaveCount(4);
  await phone.page.screenshot({ path: `${SHOTS}/list-phone-light.png`, fullPage: true });
  await rows(phone.page).filter({ hasText: "Grace" }).getByRole("link").first().click();
  await expect(phone.page.getByRole("heading", { name: `${marker} Grace Hopper`, level: 1 })).toBeVisible();
  await phone.page.screenshot({ path: `${SHOTS}/detail-phone-light.png`, fullPage: true });
  await phone.context.close();
});
