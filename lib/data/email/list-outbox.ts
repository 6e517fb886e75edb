// The developer outbox: mail the app kept instead of sending (no RESEND_API_KEY). Its links sign
// people in and reset passwords, so where a request comes from decides nothing (behind a reverse
// proxy on the same host everyone is 127.0.0.1). A signed-in person sees the mail addressed to
// their own address since they have held it; only a holder of email.outbox.read sees everybody's.
// Mail handed to a real provider belongs to the mailbox: it is listed by its state, never its body.
// The whole page exists only while the dev outbox is enabled, and never for an impersonated session.
import "server-only";
import { assertNotImpersonating } from "@/lib/auth/assert-not-impersonating";
import { requireViewer } from "@/lib/auth/require-viewer";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { openEmailBody } from "@/lib/email/seal-email-body";
import { isDevOutboxEnabled } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";

export type OutboxEmail = {
  id: string;
  to: string;
  subject: string;
  status: string;
  provider: string;
  createdAt: Date;
  sentAt: Date | null;
  /** The text body, or null when it is not shown (handed to a provider, or cleared). */
  text: string | null;
};

/** Whether the outbox page exists (it then asks for sign-in; no request address proves who is asking). */
export function canReadOutbox(): boolean {
  return isDevOutboxEnabled();
}

export async function listOutbox(
  viewer: Viewer | null,
  limit = 50,
): Promise<{ scope: "own" | "all"; emails: OutboxEmail[] }> {
  if (!canReadOutbox()) throw new NotFoundError();
  requireViewer(viewer);
  // The outbox holds reset and sign-in links: reading the person's own mail would let an impersonating
  // admin reset their password, which impersonation never allows.
  assertNotImpersonating(viewer);
  const scope = viewer.permissions.has("email.outbox.read") ? "all" : "own";
  let where = {};
  if (scope === "own") {
    // Mail sent to this address before this account held it (a freed address taken by someone
    // else, an address confirmed by an email change) was someone else's mail.
    const user = await db.user.findUniqueOrThrow({
      where: { id: viewer.userId },
      select: { email: true, createdAt: true, emailVerifiedAt: true },
    });
    where = { to: user.email, createdAt: { gte: user.emailVerifiedAt ?? user.createdAt } };
  }
  const rows = await db.emailOutbox.findMany({
    where,
    orderBy: { createdAt: "desc" },
    take: limit,
    select: {
      id: true,
      to: true,
      subject: true,
      text: true,
      status: true,
      provider: true,
      createdAt: true,
      sentAt: true,
    },
  });
  return {
    scope,
    emails: rows.map(({ text, ...row }) => ({
      ...row,
      text: row.provider === "outbox" && text ? openEmailBody(text) : null,
    })),
  };
}
