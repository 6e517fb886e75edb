// An admin streams the activity log to a SIEM: adds a stream pointing at a receiver started here
// (the e2e server runs with AUDIT_STREAM_ALLOW_INSECURE, so http://127.0.0.1 is allowed), is
// refused inline for a bad URL and an unknown action, sees the secret once, tests the endpoint,
// delivers and checks what arrived (ordered, signed with that secret), sees a failing endpoint's
// error, pauses and resumes, rotates the secret, and deletes the stream.
// Screenshots (light, dark, phone) go to /tmp/shots-audit-streams.
import { mkdirSync } from "node:fs";
import { expect, test } from "@playwright/test";
import {
  startTestReceiver,
  verifyOpsdeckSignature,
  verifyStandardWebhookSignature,
} from "../lib/audit/streams/stream-test-receiver";
import { gotoReady } from "./helpers";
import { signedInAs } from "./support/admin-session";

const SHOTS = "/tmp/shots-audit-streams";
mkdirSync(SHOTS, { recursive: true });

test("an admin adds a SIEM stream, tests it, delivers events to it and manages it", async ({ browser }) => {
  test.setTimeout(420_000);
  const receiver = await startTestReceiver("/siem");
  const name = `SIEM ${Math.random().toString(36).slice(2, 7)}`;
  try {
    const { context, page } = await signedInAs(browser, ["admin"]);
    await gotoReady(page, "/logs/streams");
    await expect(page.getByRole("heading", { name: "Audit streams", level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: "Streams" })).toHaveAttribute("aria-current", "page");

    // Streams made by other runs on this database would change what is shown: start from none.
    for (;;) {
      const more = page.getByRole("button", { name: /^More actions for / }).first();
      if (!(await more.isVisible().catch(() => false))) break;
      await more.click();
      await page.getByRole("menuitem", { name: "Delete" }).click();
      await page.getByRole("alertdialog").getByRole("button", { name: "Delete stream" }).click();
      await expect(page.getByRole("alertdialog")).toBeHidden();
    }
    await expect(page.getByText("No audit streams yet")).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/empty-light.png`, fullPage: true });

    // Add: bad input is refused on its field first.
    await page.getByRole("button", { name: "Add your first stream" }).click();
    const dialog = page.getByRole("dialog", { name: "Add an audit stream" });
    await dialog.getByLabel("Name").fill(name);
    await dialog.getByLabel("Endpoint URL").fill("ftp://siem.example.com/in");
    await dialog.getByLabel("Actions").fill("audit_stream.*, nope.*");
    await dialog.getByRole("button", { name: "Add stream" }).click();
    await expect(dialog.getByText("Use an https:// URL.")).toBeVisible();
    await expect(dialog.getByText("Unknown action or group: nope.*.")).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/dialog-errors-light.png` });
    // The URL carries a collector token: it is kept encrypted and never shown again.
    await dialog.getByLabel("Endpoint URL").fill(`${receiver.url}/E2E-PATH-TOKEN?token=E2E-QUERY-TOKEN`);
    await dialog.getByLabel("Actions").fill("audit_stream.*, customer.*");
    await dialog.getByRole("button", { name: "Add stream" }).click();

    // The secret, once.
    const added = page.getByRole("dialog", { name: "Stream added" });
    await expect(added).toBeVisible();
    const secret = await added.getByTestId("stream-secret").inputValue();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{44}$/);
    await expect(added.getByRole("button", { name: "Copy" })).toBeVisible();
    // It stays until dismissed (nothing re-renders the page under it).
    await page.waitForTimeout(1500);
    await expect(added.getByTestId("stream-secret")).toHaveValue(secret);
    await page.screenshot({ path: `${SHOTS}/secret-once-light.png` });
    await added.getByRole("button", { name: "Done" }).click();
    await expect(added).toBeHidden();

    const card = page.getByTestId("stream-card").filter({ hasText: name });
    await expect(card.getByTestId("stream-status")).toHaveText("Healthy");
    await expect(card).toContainText(`…${secret.slice(-4)}`);
    await expect(card).toContainText("audit_stream.*, customer.*");
    await expect(card).toContainText(`127.0.0.1:${receiver.port}/siem/…`);
    await expect(page.getByText(secret)).toHaveCount(0);
    await gotoReady(page, "/logs/streams");
    expect(await page.content()).not.toContain(secret.slice(6));
    expect(await page.content()).not.toContain("E2E-PATH-TOKEN");
    expect(await page.content()).not.toContain("E2E-QUERY-TOKEN");

    // The app's own worker delivers every few seconds too: the checks below hold whichever
    // process delivered, and look at the receiver by request type.
    const tests = () => receiver.requests.filter((r) => r.json.type === "audit.stream_test");
    const events = () => receiver.requests.filter((r) => r.json.type === "audit.event");
    const RUN_TOAST =
      /^(Delivered \d+ events?\.|Nothing new to deliver\.|Delivered \d+; the next event failed and will be retried\.|A delivery run is already under way; refresh in a moment\.)$/;

    // Test: a signed audit.stream_test reaches the receiver; the answer is shown.
    await card.getByRole("button", { name: "Send test" }).click();
    await expect(card.getByTestId("stream-test-result")).toHaveText(/^Test event accepted: HTTP 200 in \d+ ms\.$/);
    expect(tests()).toHaveLength(1);
    expect(verifyOpsdeckSignature(secret, tests()[0]!)).toBe(true);
    expect(verifyStandardWebhookSignature(secret, tests()[0]!)).toBe(true);

    // Deliver now: the stream's own events (created, tested, and the audited Deliver now) arrive in order, signed.
    await card.getByRole("button", { name: "Deliver now" }).click();
    await expect(page.getByText(RUN_TOAST).first()).toBeVisible();
    await expect
      .poll(() => events().map((r) => r.json.action))
      .toEqual(["audit_stream.created", "audit_stream.tested", "audit_stream.delivered_now"]);
    const [created, tested] = events();
    expect(created!.json.seq! < tested!.json.seq!).toBe(true);
    for (const r of events()) {
      expect(verifyOpsdeckSignature(secret, r)).toBe(true);
      expect(verifyStandardWebhookSignature(secret, r)).toBe(true);
      expect(r.headers["x-opsdeck-event-id"]).toBe(r.json.id);
    }
    await gotoReady(page, "/logs/streams");
    await expect(card.getByTestId("stream-pending")).toHaveText("Up to date");
    await expect(card).not.toContainText("Never yet");

    // A failing endpoint: the test says why, and a failed delivery shows as Retrying with its error.
    receiver.otherwise = { status: 500, body: "index unavailable" };
    await card.getByRole("button", { name: "Send test" }).click();
    await expect(card.getByTestId("stream-test-result")).toHaveText("Test event failed: HTTP 500: index unavailable");
    const failedAt = events().length;
    await card.getByRole("button", { name: "Deliver now" }).click();
    await expect(page.getByText(RUN_TOAST).first()).toBeVisible();
    await expect(async () => {
      await gotoReady(page, "/logs/streams");
      await expect(card.getByTestId("stream-status")).toHaveText("Retrying", { timeout: 1000 });
    }).toPass({ timeout: 30_000 });
    await expect(card.getByTestId("stream-last-error")).toContainText("HTTP 500: index unavailable");
    await expect(card).toContainText(/\(attempt \d+\)/);
    await page.screenshot({ path: `${SHOTS}/list-retrying-light.png`, fullPage: true });

    // The retry goes through with the same event id, and the receiver takes the event once.
    receiver.otherwise = { status: 200 };
    await card.getByRole("button", { name: "Deliver now" }).click();
    await expect(async () => {
      await gotoReady(page, "/logs/streams");
      await expect(card.getByTestId("stream-status")).toHaveText("Healthy", { timeout: 1000 });
    }).toPass({ timeout: 30_000 });
    const sinceFailure = events().slice(failedAt);
    expect(sinceFailure[0]!.json).toMatchObject({ action: "audit_stream.tested", outcome: "failure" });
    const attempts = sinceFailure.filter((r) => r.json.id === sinceFailure[0]!.json.id);
    expect(attempts.length).toBeGreaterThanOrEqual(2);
    expect(receiver.accepted.filter((id) => id === attempts[0]!.json.id)).toHaveLength(1);

    // Pause and resume; the pause's own event reaches the receiver before the stream goes quiet.
    await card.getByRole("button", { name: "Pause" }).click();
    await expect(card.getByTestId("stream-status")).toHaveText("Paused");
    expect(events().at(-1)!.json.action).toBe("audit_stream.paused");
    await expect(card.getByRole("button", { name: "Deliver now" })).toBeDisabled();
    await card.getByRole("button", { name: "Resume" }).click();
    await expect(card.getByTestId("stream-status")).toHaveText("Healthy");

    // Rotate: a new secret, once; later requests are signed with it.
    await card.getByRole("button", { name: `More actions for ${name}` }).click();
    await page.getByRole("menuitem", { name: "Rotate secret" }).click();
    await page
      .getByRole("alertdialog", { name: `Rotate the secret of ${name}?` })
      .getByRole("button", { name: "Rotate secret" })
      .click();
    const rotated = page.getByRole("dialog", { name: "New signing secret" });
    const secret2 = await rotated.getByTestId("stream-secret").inputValue();
    expect(secret2).not.toBe(secret);
    await rotated.getByRole("button", { name: "Done" }).click();
    await expect(card).toContainText(`…${secret2.slice(-4)}`);
    await card.getByRole("button", { name: "Send test" }).click();
    await expect(card.getByTestId("stream-test-result")).toContainText("accepted");
    expect(verifyOpsdeckSignature(secret2, tests().at(-1)!)).toBe(true);
    expect(verifyOpsdeckSignature(secret, tests().at(-1)!)).toBe(false);

    // Edit: the filter is changed in the same dialog.
    await card.getByRole("button", { name: `More actions for ${name}` }).click();
    await page.getByRole("menuitem", { name: "Edit" }).click();
    const edit = page.getByRole("dialog", { name: `Edit ${name}` });
    await expect(edit.getByLabel("Actions")).toHaveValue("audit_stream.*, customer.*");
    // The URL field starts empty (leave empty to keep), the shortened form as its placeholder.
    await expect(edit.getByLabel("Endpoint URL")).toHaveValue("");
    await expect(edit.getByLabel("Endpoint URL")).toHaveAttribute("placeholder", `${receiver.url}/…`);
    await edit.getByLabel("Outcome").selectOption("failure");
    await edit.getByRole("button", { name: "Save changes" }).click();
    await expect(edit).toBeHidden();
    await expect(card).toContainText("failures only");

    // The stream's page: recent deliveries, newest first.
    await card.getByRole("link", { name: "Recent deliveries" }).click();
    await expect(page).toHaveURL(/\/logs\/streams\/[a-z0-9]+$/);
    const rows = page.getByTestId("delivery-row");
    await expect(rows.first()).toBeVisible();
    await expect(page.getByRole("table", { name: "Recent deliveries" })).toContainText("Delivered");
    await expect(page.getByRole("table", { name: "Recent deliveries" })).toContainText("Test failed");
    await expect(page.getByRole("table", { name: "Recent deliveries" })).toContainText("index unavailable");
    await page.screenshot({ path: `${SHOTS}/detail-light.png`, fullPage: true });
    const detailUrl = page.url();

    // Dark mode and phone width.
    const dark = await signedInAs(browser, ["admin"], { colorScheme: "dark" });
    await gotoReady(dark.page, "/logs/streams");
    await expect(dark.page.getByTestId("stream-card").filter({ hasText: name })).toBeVisible();
    await dark.page.screenshot({ path: `${SHOTS}/list-dark.png`, fullPage: true });
    await gotoReady(dark.page, detailUrl);
    await dark.page.screenshot({ path: `${SHOTS}/detail-dark.png`, fullPage: true });
    await gotoReady(dark.page, "/logs/streams");
    await dark.page.getByRole("button", { name: "Add stream" }).click();
    await dark.page.getByRole("dialog").getByRole("button", { name: "Add stream" }).click();
    await expect(dark.page.getByRole("dialog").getByText("Enter a name.")).toBeVisible();
    await dark.page.screenshot({ path: `${SHOTS}/dialog-dark.png` });
    await dark.page.keyboard.press("Escape");
    await dark.page.setViewportSize({ width: 390, height: 844 });
    await gotoReady(dark.page, "/logs/streams");
    await dark.page.screenshot({ path: `${SHOTS}/list-phone-dark.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await gotoReady(page, detailUrl);
    await page.screenshot({ path: `${SHOTS}/detail-phone-light.png`, fullPage: true });
    await dark.context.close();

    // Delete, after confirming, from the stream's page.
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole("button", { name: `More actions for ${name}` }).click();
    await page.getByRole("menuitem", { name: "Delete" }).click();
    const confirm = page.getByRole("alertdialog", { name: `Delete ${name}?` });
    await confirm.getByRole("button", { name: "Delete stream" }).click();
    await expect(page).toHaveURL(/\/logs\/streams$/);
    await expect(page.getByText("No audit streams yet")).toBeVisible();
    await context.close();
  } finally {
    await receiver.close();
  }
});

test("someone without audit.manage cannot open the streams page", async ({ browser }) => {
  const { context, page } = await signedInAs(browser, ["manager"]);
  const response = await page.goto("/logs/streams");
  expect(response?.status()).toBe(403);
  await context.close();
});
