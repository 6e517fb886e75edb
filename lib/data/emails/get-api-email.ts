// One email sent through the email API, with its delivery state (GET /api/v1/emails/{id}). The
// sender sees their own; a holder of email.outbox.read sees every API email. Anyone else, and
// any id that is not an API email (the app's own mail: resets, sign-in links), gets 404 alike.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { apiEmailSelect, toApiEmail, type ApiEmail } from "@/lib/data/emails/api-email";
import { NotFoundError, UnauthenticatedError } from "@/lib/errors";
import { requirePermission } from "@/lib/rbac/can";

const NOT_FOUND = "Email not found.";

export async function getApiEmail(actor: Actor | null, id: unknown): Promise<ApiEmail> {
  if (!actor) throw new UnauthenticatedError();
  const readsAll = actor.permissions.has("email.outbox.read");
  if (!readsAll) {
    // Only senders have API emails of their own; the usual 403 (and its unverified-email reason) otherwise.
    requirePermission(actor, "email.send");
  }
  if (typeof id !== "string" || id.length === 0 || id.length > 64) throw new NotFoundError(NOT_FOUND);
  const row = await db.emailOutbox.findFirst({
    where: { id, source: "api", ...(readsAll ? {} : { senderId: actor.userId }) },
    select: apiEmailSelect,
  });
  if (!row) throw new NotFoundError(NOT_FOUND);
  return toApiEmail(row);
}
