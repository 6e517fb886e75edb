// An administrator reads the activity log: after someone mistypes a person's password twice, the
// admin filters the log to that person's failed sign-ins, opens one (its drawer shows the reason,
// the IP address and the browser, and survives a reload through ?event=), and exports the filtered
// events as CSV (the download holds exactly those events). The person sees the same failures in
// Settings → Activity. Screenshots (light, dark, phone; the drawer too) go to /tmp/shots-logs.
import { mkdirSync, readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { freshContext, gotoReady, signIn } from "./helpers";
import { createAccount, signInAccount, signedInAs } from "./support/admin-session";

const SHOTS = "/tmp/shots-logs";
mkdirSync(SHOTS, { recursive: true });

const rows = (page: Page) => page.getByTestId("event-row");

/** CSV cells of one line (quoted cells may hold commas and doubled quotes). */
function csvCells(line: string): string[] {
  const out: string[] = [];
  const re = /("(?:[^"]|"")*"|[^,]*)(,|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line)) && m[0] !== "") {
    const cell = m[1] ?? "";
    out.push(cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell);
    if (m[2] === "") break;
  }
  return out;
}

test("an admin filters the log to one person's failed sign-ins, opens one and exports them as CSV", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const person = createAccount(["user"], { firstName: "Logan", lastName: "Mistyped" });

  // Two wrong passwords for the person's account, through the real sign-in form.
  const attacker = await freshContext(browser);
  const attempt = await attacker.newPage();
  for (let i = 0; i < 2; i++) {
    await signIn(attempt, person.username, `not the password ${i}`);
    await expect(attempt.getByText("Incorrect username, email or password")).toBeVisible();
  }
  await attacker.close();

  const { context, page } = await signedInAs(browser);
  await gotoReady(page, "/logs");
  await expect(page).toHaveURL(/\/logs\/events$/);
  await expect(page.getByRole("heading", { name: "Activity log", level: 1 })).toBeVisible();
  await expect(rows(page).first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/events-light.png`, fullPage: true });

  // Filter: the person (by username), then the action.
  const actor = page.getByLabel("Actor (name or username)");
  await actor.fill(person.username);
  await actor.press("Enter");
  await expect(page).toHaveURL(new RegExp(`actor_name=${person.username}`));
  await page.getByLabel("Action").selectOption("auth.sign_in_failed");
  await expect(page).toHaveURL(/action=auth\.sign_in_failed/);
  await expect(rows(page)).toHaveCount(2);
  for (const row of await rows(page).all()) {
    await expect(row).toContainText("Failed sign-in");
    await expect(row).toContainText("Logan Mistyped");
    await expect(row).toContainText("Failed");
  }
  await expect(page.getByTestId("table-range")).toHaveText("2 events on this page");

  // Open the newest: the drawer, linked by ?event=.
  await rows(page).first().getByTestId("event-link").click();
  const drawer = page.getByRole("dialog", { name: "Failed sign-in" });
  await expect(drawer).toBeVisible();
  await expect(page).toHaveURL(/[?&]event=/);
  await expect(drawer).toContainText("wrong password");
  await expect(drawer).toContainText("Logan Mistyped");
  await expect(drawer).toContainText("auth.sign_in_failed");
  await expect(drawer.getByText("Request id")).toBeVisible();
  await drawer.getByText("Raw metadata").click();
  await expect(drawer.locator("pre")).toContainText('"reason": "wrong_password"');
  await page.screenshot({ path: `${SHOTS}/drawer-light.png` });
  await page.reload();
  await expect(page.getByRole("dialog", { name: "Failed sign-in" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(page).not.toHaveURL(/[?&]event=/);
  await expect(rows(page)).toHaveCount(2);

  // Export the filtered events as CSV.
  await page.getByRole("button", { name: "Export" }).click();
  const downloading = page.waitForEvent("download");
  await page.getByRole("menuitem", { name: "CSV (spreadsheets)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^activity-log-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = readFileSync((await download.path())!, "utf8");
  const lines = text.trim().split("\r\n");
  const header = csvCells(lines[0]!);
  expect(header.slice(0, 4)).toEqual(["id", "seq", "created_at", "action"]);
  expect(lines).toHaveLength(3);
  for (const line of lines.slice(1)) {
    const row = Object.fromEntries(header.map((h, i) => [h, csvCells(line)[i]]));
    expect(row.action).toBe("auth.sign_in_failed");
    expect(row.outcome).toBe("failure");
    expect(row.reason).toBe("wrong_password");
    // Someone not signed in tried the account: no actor, the account as the target.
    expect(row.actor_id).toBe("");
    expect(row.actor_type).toBe("anonymous");
    expect(row.target_id).toBe(person.id);
    expect(row.target_name).toContain("Logan Mistyped");
  }

  // The export itself is in the log.
  await gotoReady(page, "/logs/events?action=audit.exported");
  await expect(rows(page).first()).toContainText("Exported the activity log");
  await expect(rows(page).first()).toContainText("CSV");

  // An edit's drawer shows the change, field by field.
  const origin = new URL(page.url()).origin;
  const created = await page.request.post("/api/v1/customers", {
    data: { name: "Diff Before Ltd", phone: "+44 1" },
    headers: { origin },
  });
  expect(created.status()).toBe(201);
  const customerId = ((await created.json()) as { data: { id: string } }).data.id;
  const edited = await page.request.patch(`/api/v1/customers/${customerId}`, {
    data: { name: "Diff After Ltd" },
    headers: { origin },
  });
  expect(edited.status()).toBe(200);
  await gotoReady(page, `/logs/events?target_type=customer&target_id=${customerId}`);
  await expect(rows(page)).toHaveCount(2);
  await expect(page.getByRole("list", { name: "Other filters" })).toContainText("Diff After Ltd");
  await rows(page).first().getByTestId("event-link").click();
  const change = page.getByRole("dialog", { name: "Changed a customer" });
  await expect(change.getByTestId("event-diff")).toContainText("name");
  await expect(change.getByTestId("event-diff")).toContainText("Diff Before Ltd");
  await expect(change.getByTestId("event-diff")).toContainText("Diff After Ltd");
  await page.screenshot({ path: `${SHOTS}/drawer-diff-light.png` });
  await page.keyboard.press("Escape");

  // Dark mode and phone width of the filtered list and the drawer.
  const dark = await freshContext(browser, "dark");
  const darkPage = await dark.newPage();
  await darkPage.context().addCookies(await context.cookies());
  const filtered = `/logs/events?actor_name=${person.username}&action=auth.sign_in_failed`;
  await gotoReady(darkPage, filtered);
  await expect(rows(darkPage)).toHaveCount(2);
  await darkPage.screenshot({ path: `${SHOTS}/events-dark.png`, fullPage: true });
  await rows(darkPage).first().click();
  await expect(darkPage.getByRole("dialog", { name: "Failed sign-in" })).toBeVisible();
  await darkPage.screenshot({ path: `${SHOTS}/drawer-dark.png` });
  await darkPage.setViewportSize({ width: 390, height: 844 });
  await darkPage.keyboard.press("Escape");
  await gotoReady(darkPage, filtered);
  await darkPage.screenshot({ path: `${SHOTS}/events-phone-dark.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await gotoReady(page, filtered);
  await page.screenshot({ path: `${SHOTS}/events-phone-light.png`, fullPage: true });
  await rows(page).first().getByTestId("event-link").click();
  await expect(page.getByRole("dialog", { name: "Failed sign-in" })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/drawer-phone-light.png` });
  await dark.close();
  await context.close();

  // The person sees the failed attempts on their own Activity tab.
  const own = await freshContext(browser);
  const ownPage = await own.newPage();
  await signInAccount(ownPage, person);
  await gotoReady(ownPage, "/settings/activity");
  await expect(ownPage.getByRole("link", { name: "Activity" })).toBeVisible();
  const items = ownPage.getByTestId("own-activity-item");
  await expect(items.filter({ hasText: "Failed sign-in" })).toHaveCount(2);
  await expect(items.first()).toContainText("Signed in");
  await ownPage.screenshot({ path: `${SHOTS}/settings-activity-light.png`, fullPage: true });
  await own.close();
});

test("the activity log needs audit.read: a Staff member gets 403, and the export answers 403", async ({ browser }) => {
  const { context, page } = await signedInAs(browser, ["staff"]);
  const response = await page.goto("/logs/events");
  expect(response?.status()).toBe(403);
  const api = await page.request.get("/api/v1/audit-events/export?format=csv");
  expect(api.status()).toBe(403);
  // Staff hold audit.read_own: their own Activity tab is there.
  await gotoReady(page, "/settings/activity");
  await expect(page.getByRole("heading", { name: "Security activity" })).toBeVisible();
  await context.close();
});
