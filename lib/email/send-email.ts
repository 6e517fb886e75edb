// The one way to send email. Every message is first written to the EmailOutbox table, then sent
// through Resend when RESEND_API_KEY is set; otherwise it stays in the outbox (readable at
// /dev/outbox by its recipient while the dev outbox is on) and a log line says so. A failed send
// is recorded and retried with backoff by retryQueuedEmails(), never dropped. Bodies are stored
// encrypted (seal-email-body.ts) and cleared as soon as the message is delivered or given up.
import "server-only";
import { Resend } from "resend";
import { db, type Tx } from "@/lib/db";
import { env, isDevOutboxEnabled } from "@/lib/env";
import { log } from "@/lib/log";
import { renderEmail, type EmailContent } from "@/lib/email/render-email";
import { openEmailBody, sealEmailBody } from "@/lib/email/seal-email-body";

const MAX_ATTEMPTS = 6;

let resend: Resend | undefined;
function resendClient(): Resend | null {
  if (!env.RESEND_API_KEY) return null;
  resend ??= new Resend(env.RESEND_API_KEY);
  return resend;
}

export type SentEmail = { id: string; status: "sent" | "outbox" | "queued" };

/** Who asked for a message and why (the email API records these; the app's own mail is "system"). */
export type EmailOrigin = { senderId?: string | null; customerId?: string | null; source?: "system" | "api" };

/** The outbox row of a message; `lease`: when the retry loop may first pick it up. */
function outboxRow(to: string, content: EmailContent, origin: EmailOrigin, lease: Date | null) {
  const message = renderEmail(content);
  const client = resendClient();
  return {
    subject: message.subject,
    text: message.text,
    data: {
      to,
      subject: message.subject,
      html: sealEmailBody(message.html),
      text: sealEmailBody(message.text),
      status: client ? "queued" : "outbox",
      provider: client ? "resend" : "outbox",
      nextAttemptAt: client ? lease : null,
      senderId: origin.senderId ?? null,
      customerId: origin.customerId ?? null,
      source: origin.source ?? "system",
    },
  };
}

function logOutboxed(id: string, to: string, subject: string, text: string): void {
  // Outside production the log carries the whole text (with its link) so a developer can act on it.
  log.info(
    isDevOutboxEnabled() ? { emailId: id, to, subject, body: text } : { emailId: id },
    "email kept in the outbox (RESEND_API_KEY is not set)",
  );
}

export async function sendEmail(to: string, content: EmailContent, origin: EmailOrigin = {}): Promise<SentEmail> {
  // A lease: the retry loop leaves this row alone while the first attempt below is under way.
  const { subject, text, data } = outboxRow(to, content, origin, new Date(Date.now() + 60_000));
  const row = await db.emailOutbox.create({ data, select: { id: true } });
  if (data.status === "outbox") {
    logOutboxed(row.id, to, subject, text);
    return { id: row.id, status: "outbox" };
  }
  return { id: row.id, status: await deliver(row.id) };
}

/**
 * Writes the message in the caller's transaction, so it exists exactly when what it tells of
 * committed (a reminder with its claim). Nothing is sent now: the retry loop (retryQueuedEmails,
 * every minute) delivers it; without RESEND_API_KEY it stays in the outbox as sendEmail's would.
 */
export async function queueEmail(
  tx: Tx,
  to: string,
  content: EmailContent,
  origin: EmailOrigin = {},
): Promise<SentEmail> {
  const { subject, text, data } = outboxRow(to, content, origin, new Date());
  const row = await tx.emailOutbox.create({ data, select: { id: true } });
  if (data.status === "outbox") {
    logOutboxed(row.id, to, subject, text);
    return { id: row.id, status: "outbox" };
  }
  return { id: row.id, status: "queued" };
}

async function deliver(id: string): Promise<"sent" | "queued"> {
  const client = resendClient();
  const row = await db.emailOutbox.findUnique({ where: { id } });
  if (!client || !row || row.status !== "queued") return "queued";
  const attempts = row.attempts + 1;
  try {
    const { data, error } = await client.emails.send({
      from: env.EMAIL_FROM,
      to: row.to,
      subject: row.subject,
      html: openEmailBody(row.html),
      text: openEmailBody(row.text),
    });
    if (error || !data) throw new Error(error?.message ?? "Resend returned no id");
    await db.emailOutbox.update({
      where: { id },
      // Delivered: the body (which may hold a live sign-in or reset link) is not kept.
      data: {
        status: "sent",
        providerId: data.id,
        attempts,
        sentAt: new Date(),
        lastError: null,
        nextAttemptAt: null,
        html: "",
        text: "",
      },
    });
    return "sent";
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const giveUp = attempts >= MAX_ATTEMPTS;
    await db.emailOutbox.update({
      where: { id },
      data: {
        status: giveUp ? "failed" : "queued",
        attempts,
        lastError: message.slice(0, 500),
        nextAttemptAt: giveUp ? null : new Date(Date.now() + 30_000 * 2 ** (attempts - 1)),
        // Given up: nothing will send it any more, so its links are not kept either.
        ...(giveUp ? { html: "", text: "" } : {}),
      },
    });
    log.warn(
      { emailId: id, attempts, err: message },
      giveUp ? "email failed for good" : "email send failed; will retry",
    );
    return "queued";
  }
}

/** Sends queued emails whose retry time has come. Called periodically (instrumentation.ts). */
export async function retryQueuedEmails(limit = 20): Promise<number> {
  if (!resendClient()) return 0;
  const due = await db.emailOutbox.findMany({
    where: { status: "queued", nextAttemptAt: { lte: new Date() } },
    orderBy: { createdAt: "asc" },
    take: limit,
    select: { id: true },
  });
  for (const { id } of due) await deliver(id);
  return due.length;
}
