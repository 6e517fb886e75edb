// A person makes an API key for themselves (Settings → API keys): api_keys.manage, scopes within
// what they hold right now (the key is re-checked against its owner on every request as well:
// authenticate-api-key.ts), optional expiry at most a year ahead. Not from an impersonated session:
// a key would outlive the impersonation. A session older than 15 minutes gives the password again
// (lib/auth/confirm-recent-or-password.ts). The secret is in the answer once; only its hash is kept.
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertNotImpersonating } from "@/lib/auth/assert-not-impersonating";
import { confirmRecentOrPassword } from "@/lib/auth/confirm-recent-or-password";
import type { RequestContext } from "@/lib/http/request-context";
import { requirePermission } from "@/lib/rbac/can";
import { insertApiKey, type CreatedApiKey } from "@/lib/data/api-keys/insert-api-key";
import { createApiKeySchema } from "@/lib/validations/api-key";
import { parseOrThrow } from "@/lib/validations/parse";

export async function createApiKey(actor: Actor | null, input: unknown, ctx: RequestContext): Promise<CreatedApiKey> {
  requirePermission(actor, "api_keys.manage");
  assertNotImpersonating(actor);
  const data = parseOrThrow(createApiKeySchema, input);
  await confirmRecentOrPassword(actor, data.currentPassword, "create an API key");
  return db.$transaction((tx) =>
    insertApiKey(
      tx,
      {
        ownerId: actor.userId,
        creatorId: actor.userId,
        name: data.name,
        scopes: data.scopes,
        expiresAt: data.expiresAt,
        allowed: actor.permissions,
        beyondMessage: "A key can only hold permissions you have",
      },
      ctx,
    ),
  );
}
