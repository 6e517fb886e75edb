// Send an email through the email API (email.send): to an address, or to a customer by id (not
// archived, with an address; needs customers.read too, as it reads the customer). Plain text or
// an allow-listed template (lib/email/api-templates.ts), sent by the one email function
// (lib/email/send-email.ts: Resend or the outbox, failures retried), which records the sender,
// the customer and source "api" on the outbox row. Counted against the sender's and the
// recipient's limits first; audited as email.sent.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { audit } from "@/lib/audit/audit";
import { db } from "@/lib/db";
import { apiEmailSelect, toApiEmail, type ApiEmail } from "@/lib/data/emails/api-email";
import { EMAIL_LIMITS } from "@/lib/data/emails/email-limits";
import { plainEmail, renderApiTemplate } from "@/lib/email/api-templates";
import { sendEmail } from "@/lib/email/send-email";
import { ForbiddenError, NotFoundError, RateLimitedError, ValidationError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { hit } from "@/lib/rate-limit/limiter";
import { requirePermission } from "@/lib/rbac/can";
import { sendApiEmailSchema } from "@/lib/validations/email";
import { parseOrThrow } from "@/lib/validations/parse";

async function recipientOf(actor: Actor, customerId: string) {
  if (!actor.permissions.has("customers.read")) {
    throw new ForbiddenError("Emailing a customer needs the “customers.read” permission too.");
  }
  const customer = await db.customer.findFirst({
    where: { id: customerId, archivedAt: null },
    select: { id: true, name: true, email: true },
  });
  if (!customer) throw new NotFoundError("Customer not found.");
  if (!customer.email) throw new ValidationError({ customerId: ["This customer has no email address."] });
  return { ...customer, email: customer.email };
}

export async function sendApiEmail(actor: Actor | null, input: unknown, ctx: RequestContext): Promise<ApiEmail> {
  requirePermission(actor, "email.send");
  const values = parseOrThrow(sendApiEmailSchema, input);
  const customer = values.customerId ? await recipientOf(actor, values.customerId) : null;
  const to = customer?.email ?? values.to!;

  for (const [spec, key] of [
    [EMAIL_LIMITS.perSender, actor.userId],
    [EMAIL_LIMITS.perRecipient, to],
  ] as const) {
    const limit = await hit(spec, key);
    if (!limit.allowed) throw new RateLimitedError(limit.retryAfterSeconds);
  }

  const content = values.template
    ? renderApiTemplate(
        values.template,
        { ...(customer ? { customerName: customer.name } : {}), ...values.variables },
        values.subject,
      )
    : plainEmail(values.subject!, values.text!);
  const sent = await sendEmail(to, content, { senderId: actor.userId, customerId: customer?.id ?? null, source: "api" });
  // The outbox row is written by sendEmail (which must not hold a transaction open while it calls
  // the provider); the audit row follows it at once.
  await audit({
    action: "email.sent",
    actorId: actor.userId,
    targetType: customer ? "customer" : "email",
    targetId: customer?.id ?? sent.id,
    metadata: { emailId: sent.id, to, subject: content.subject, template: values.template ?? null, status: sent.status },
    context: ctx,
  });
  const row = await db.emailOutbox.findUniqueOrThrow({ where: { id: sent.id }, select: apiEmailSelect });
  return toApiEmail(row);
}
