import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getApiEmail } from "@/lib/data/emails/get-api-email";
import { sendApiEmail } from "@/lib/data/emails/send-api-email";
import { openEmailBody } from "@/lib/email/seal-email-body";
import { sendEmail } from "@/lib/email/send-email";
import {
  AppError,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  UnauthenticatedError,
  ValidationError,
} from "@/lib/errors";
import { testContext, uniqueName } from "@/test/helpers";
import { viewerWithPermissions, viewerWithRole } from "@/test/role-viewers";
import { lastAudit } from "@/test/user-admin";

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

const address = () => `${uniqueName("mail")}@example.com`;

async function customer(overrides: { email?: string | null; archivedAt?: Date | null; name?: string } = {}) {
  return db.customer.create({
    data: {
      name: overrides.name ?? "Grace <b>Hopper</b>",
      email: overrides.email === undefined ? address() : overrides.email,
      archivedAt: overrides.archivedAt ?? null,
    },
    select: { id: true, email: true },
  });
}

describe("sendApiEmail", () => {
  it("sends a plain message through the outbox, recording sender and source, and audits it", async () => {
    const manager = await viewerWithRole("manager");
    const to = address();
    const email = await sendApiEmail(manager, { to: to.toUpperCase(), subject: "Your order", text: "Ready.\n\nCome by." }, testContext());
    expect(email).toMatchObject({ to, subject: "Your order", status: "outbox", attempts: 0, lastError: null });
    const row = await db.emailOutbox.findUniqueOrThrow({ where: { id: email.id } });
    expect(row).toMatchObject({ senderId: manager.userId, source: "api", customerId: null });
    expect(openEmailBody(row.text)).toContain("Come by.");
    const audit = await lastAudit("email.sent", email.id);
    expect(audit?.actorId).toBe(manager.userId);
    expect(audit?.meta).toMatchObject({ emailId: email.id, to, subject: "Your order" });
  });

  it("sends a template to a customer, filling and escaping the customer's name", async () => {
    const manager = await viewerWithRole("manager");
    const c = await customer();
    const email = await sendApiEmail(
      manager,
      { customerId: c.id, template: "receipt_follow_up", variables: { receiptNumber: "R-1042" } },
      testContext(),
    );
    expect(email).toMatchObject({ to: c.email, subject: "About your receipt R-1042", customerId: c.id });
    const row = await db.emailOutbox.findUniqueOrThrow({ where: { id: email.id } });
    const html = openEmailBody(row.html);
    expect(html).toContain("Grace &lt;b&gt;Hopper&lt;/b&gt;");
    expect(html).not.toContain("<b>Hopper</b>");
    expect(row.customerId).toBe(c.id);
  });

  it("refuses an archived, missing or address-less customer, and bad input per field", async () => {
    const manager = await viewerWithRole("manager");
    const archived = await customer({ archivedAt: new Date() });
    expect(
      await rejection(sendApiEmail(manager, { customerId: archived.id, template: "thank_you" }, testContext())),
    ).toBeInstanceOf(NotFoundError);
    expect(
      await rejection(sendApiEmail(manager, { customerId: "cmissing000000000000", template: "thank_you" }, testContext())),
    ).toBeInstanceOf(NotFoundError);
    const none = await customer({ email: null });
    const noAddress = await rejection(sendApiEmail(manager, { customerId: none.id, template: "thank_you" }, testContext()));
    expect((noAddress as ValidationError).fieldErrors.customerId).toBeTruthy();
    const cases: [Record<string, unknown>, string][] = [
      [{ subject: "Hi", text: "x" }, "to"],
      [{ to: "a@example.com", customerId: "c1", subject: "Hi", text: "x" }, "to"],
      [{ to: "not an address", subject: "Hi", text: "x" }, "to"],
      [{ to: "a@example.com", text: "x" }, "subject"],
      [{ to: "a@example.com", subject: "Hi\r\nBcc: evil@example.com", text: "x" }, "subject"],
      [{ to: "a@example.com", subject: "Hi" }, "text"],
      [{ to: "a@example.com", template: "phishing" }, "template"],
      [{ to: "a@example.com", template: "thank_you" }, "variables"],
      [{ to: "a@example.com", template: "thank_you", variables: { customerName: "A", link: "http://x" } }, "variables"],
      [{ to: "a@example.com", subject: "Hi", text: "x", html: "<script>" }, "_form"],
    ];
    for (const [input, field] of cases) {
      const error = await rejection(sendApiEmail(manager, input, testContext()));
      expect(error, JSON.stringify(input)).toBeInstanceOf(ValidationError);
      expect(Object.keys((error as ValidationError).fieldErrors), JSON.stringify(input)).toContain(field);
    }
  });

  it("needs email.send (and customers.read for a customer)", async () => {
    const staff = await viewerWithRole("staff");
    expect(
      await rejection(sendApiEmail(staff, { to: address(), subject: "Hi", text: "x" }, testContext())),
    ).toBeInstanceOf(ForbiddenError);
    expect(
      await rejection(sendApiEmail(null, { to: address(), subject: "Hi", text: "x" }, testContext())),
    ).toBeInstanceOf(UnauthenticatedError);
    const sender = await viewerWithPermissions(["email.send"]);
    const c = await customer();
    expect(
      await rejection(sendApiEmail(sender, { customerId: c.id, template: "thank_you" }, testContext())),
    ).toBeInstanceOf(ForbiddenError);
  });

  it("limits the mail one recipient gets (429 with a retry time), sending nothing more", async () => {
    const manager = await viewerWithRole("manager");
    const to = address();
    for (let i = 0; i < 10; i++) await sendApiEmail(manager, { to, subject: `#${i}`, text: "x" }, testContext());
    const limited = await rejection(sendApiEmail(manager, { to, subject: "one more", text: "x" }, testContext()));
    expect(limited).toBeInstanceOf(RateLimitedError);
    expect((limited as RateLimitedError).retryAfterSeconds).toBeGreaterThan(0);
    expect(await db.emailOutbox.count({ where: { to } })).toBe(10);
  });
});

describe("getApiEmail", () => {
  it("shows the sender their own, outbox readers every API email, and 404 to anyone else or for system mail", async () => {
    const sender = await viewerWithRole("manager");
    const other = await viewerWithRole("manager");
    const reader = await viewerWithRole("super_admin");
    const email = await sendApiEmail(sender, { to: address(), subject: "Hi", text: "x" }, testContext());
    expect((await getApiEmail(sender, email.id)).id).toBe(email.id);
    expect((await getApiEmail(reader, email.id)).status).toBe("outbox");
    expect(await rejection(getApiEmail(other, email.id))).toBeInstanceOf(NotFoundError);
    const system = await sendEmail(address(), { subject: "Reset", heading: "Reset", paragraphs: ["link"] });
    expect(await rejection(getApiEmail(reader, system.id))).toBeInstanceOf(NotFoundError);
    expect(await rejection(getApiEmail(sender, "x".repeat(500)))).toBeInstanceOf(NotFoundError);
    expect(await rejection(getApiEmail(await viewerWithRole("staff"), email.id))).toBeInstanceOf(ForbiddenError);
    expect(await rejection(getApiEmail(null, email.id))).toBeInstanceOf(UnauthenticatedError);
  });
});
