// Delivery through Resend (a fake Resend on 127.0.0.1) and what stays in the database: a body is
// kept only while the message may still be sent, and then only encrypted. lib/env and the resend
// SDK read the environment once, so it is set before the app modules are imported (dynamically).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeResend, type FakeResend } from "@/test/fake-resend";
import { uniqueName } from "@/test/helpers";

let fake: FakeResend;
const previous = { key: process.env.RESEND_API_KEY, base: process.env.RESEND_BASE_URL };

const app = async () => ({
  ...(await import("@/lib/email/send-email")),
  ...(await import("@/lib/email/messages")),
  db: (await import("@/lib/db")).db,
});

const address = () => `${uniqueName("mail")}@example.com`;
const link = (token: string) => `http://localhost:3000/reset-password?token=${token}`;

beforeAll(async () => {
  fake = await startFakeResend();
  process.env.RESEND_API_KEY = "re_test_key";
  process.env.RESEND_BASE_URL = fake.url;
});

afterAll(async () => {
  await fake.close();
  if (previous.key === undefined) delete process.env.RESEND_API_KEY;
  else process.env.RESEND_API_KEY = previous.key;
  if (previous.base === undefined) delete process.env.RESEND_BASE_URL;
  else process.env.RESEND_BASE_URL = previous.base;
});

describe("sendEmail through Resend", () => {
  it("a delivered message keeps no body in the database, and the recipient gets it whole", async () => {
    const { sendEmail, passwordResetEmail, db } = await app();
    const to = address();
    const sent = await sendEmail(to, passwordResetEmail("Maya", link("delivered-token")));
    expect(sent.status).toBe("sent");
    const row = await db.emailOutbox.findUniqueOrThrow({ where: { id: sent.id } });
    expect(row).toMatchObject({ status: "sent", provider: "resend", html: "", text: "" });
    const received = fake.messages.find((m) => m.to.includes(to));
    expect(received?.text).toContain(link("delivered-token"));
    expect(received?.html).toContain("reset-password?token=delivered-token");
  });

  it("a message kept for a retry is encrypted at rest, then sent decrypted and cleared", async () => {
    const { sendEmail, retryQueuedEmails, passwordResetEmail, db } = await app();
    const to = address();
    fake.failNext(1);
    const sent = await sendEmail(to, passwordResetEmail("Maya", link("retry-token")));
    expect(sent.status).toBe("queued");
    const kept = await db.emailOutbox.findUniqueOrThrow({ where: { id: sent.id } });
    expect(kept.status).toBe("queued");
    for (const body of [kept.text, kept.html]) {
      expect(body).not.toBe("");
      expect(body).not.toContain("retry-token");
      expect(body).not.toContain("reset-password");
    }
    await db.emailOutbox.update({ where: { id: sent.id }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });
    expect(await retryQueuedEmails()).toBeGreaterThanOrEqual(1);
    const after = await db.emailOutbox.findUniqueOrThrow({ where: { id: sent.id } });
    expect(after).toMatchObject({ status: "sent", html: "", text: "" });
    expect(fake.messages.find((m) => m.to.includes(to))?.text).toContain(link("retry-token"));
  });

  it("a message that fails for good keeps no body either", async () => {
    const { sendEmail, retryQueuedEmails, passwordResetEmail, db } = await app();
    fake.failNext(1);
    const sent = await sendEmail(address(), passwordResetEmail("Maya", link("doomed-token")));
    await db.emailOutbox.update({
      where: { id: sent.id },
      data: { attempts: 5, nextAttemptAt: new Date(Date.now() - 1000) },
    });
    fake.failNext(1);
    await retryQueuedEmails();
    const row = await db.emailOutbox.findUniqueOrThrow({ where: { id: sent.id } });
    expect(row).toMatchObject({ status: "failed", html: "", text: "" });
  });
});

describe("queueEmail", () => {
  it("exists only if the caller's transaction commits, and the retry loop then delivers it", async () => {
    const { queueEmail, retryQueuedEmails, passwordResetEmail, db } = await app();
    const lost = address();
    await db
      .$transaction(async (tx) => {
        await queueEmail(tx, lost, passwordResetEmail("Maya", link("rolled-back")));
        throw new Error("the change it told of failed");
      })
      .catch(() => undefined);
    expect(await db.emailOutbox.count({ where: { to: lost } })).toBe(0);

    const to = address();
    const queued = await db.$transaction((tx) => queueEmail(tx, to, passwordResetEmail("Maya", link("committed"))));
    expect(queued.status).toBe("queued");
    expect(fake.messages.some((m) => m.to.includes(to))).toBe(false);
    expect(await retryQueuedEmails()).toBeGreaterThanOrEqual(1);
    expect(await db.emailOutbox.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({ status: "sent" });
    expect(fake.messages.find((m) => m.to.includes(to))?.text).toContain(link("committed"));
  });
});
