// The developer outbox: recent emails, only where the outbox is enabled (never in production).
import "server-only";
import { db } from "@/lib/db";
import { isDevOutboxEnabled } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";

export async function listOutbox(limit = 50) {
  if (!isDevOutboxEnabled()) throw new NotFoundError();
  return db.emailOutbox.findMany({
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, to: true, subject: true, text: true, status: true, provider: true, createdAt: true, lastError: true },
  });
}
