// The developer outbox: recent emails (their links sign people in), so it exists only where the
// outbox is enabled, and on a production build only for requests from this machine itself.
import "server-only";
import { db } from "@/lib/db";
import { env, isDevOutboxEnabled } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

export function canReadOutbox(ctx: RequestContext): boolean {
  return isDevOutboxEnabled() && (env.NODE_ENV !== "production" || LOOPBACK.test(ctx.ip ?? ""));
}

export async function listOutbox(ctx: RequestContext, limit = 50) {
  if (!canReadOutbox(ctx)) throw new NotFoundError();
  return db.emailOutbox.findMany({
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, to: true, subject: true, text: true, status: true, provider: true, createdAt: true, lastError: true },
  });
}
