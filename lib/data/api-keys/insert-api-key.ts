// The one place a key is made, for a person's own keys and for a service account's: checks that the
// scopes are all within `allowed` (what the creator, and for a service account the account, holds)
// and the owner's active-key cap, stores only the SHA-256 (api-key-format.ts) and audits, inside
// the caller's transaction. The secret is returned once, to be shown once.
import "server-only";
import type { Tx } from "@/lib/db";
import { generateApiKey } from "@/lib/api/api-key-format";
import { audit } from "@/lib/audit/audit";
import { ConflictError, ValidationError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import type { Permission } from "@/lib/rbac/permissions";
import { API_KEY_SELECT, toApiKeySummary, type ApiKeySummary } from "@/lib/data/api-keys/api-key-row";
import { API_KEY_MAX_ACTIVE } from "@/lib/validations/api-key";

export type CreatedApiKey = ApiKeySummary & { key: string; ownerId: string };

export async function insertApiKey(
  tx: Tx,
  input: {
    ownerId: string;
    creatorId: string;
    name: string;
    scopes: readonly Permission[];
    expiresAt: Date | null;
    allowed: ReadonlySet<Permission>;
    /** Why a scope outside `allowed` is refused, for the field error. */
    beyondMessage: string;
  },
  ctx: RequestContext,
): Promise<CreatedApiKey> {
  const beyond = input.scopes.filter((scope) => !input.allowed.has(scope));
  if (beyond.length) {
    throw new ValidationError({ scopes: [`${input.beyondMessage} (${beyond.join(", ")}).`] });
  }
  const now = new Date();
  const active = await tx.apiKey.count({
    where: { ownerId: input.ownerId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
  });
  if (active >= API_KEY_MAX_ACTIVE) {
    throw new ConflictError(`At most ${API_KEY_MAX_ACTIVE} active keys per account: revoke one first.`, {
      name: [`At most ${API_KEY_MAX_ACTIVE} active keys per account: revoke one first.`],
    });
  }
  const secret = generateApiKey();
  const row = await tx.apiKey.create({
    data: {
      name: input.name,
      prefix: secret.prefix,
      hash: secret.hash,
      ownerId: input.ownerId,
      createdById: input.creatorId,
      scopes: JSON.stringify(input.scopes),
      expiresAt: input.expiresAt,
    },
    select: API_KEY_SELECT,
  });
  await audit(
    {
      action: "api_key.created",
      actorId: input.creatorId,
      targetType: "api_key",
      targetId: row.id,
      metadata: {
        name: row.name,
        prefix: row.prefix,
        ownerId: input.ownerId,
        scopes: [...input.scopes],
        expiresAt: row.expiresAt?.toISOString() ?? null,
      },
      context: ctx,
    },
    tx,
  );
  return { ...toApiKeySummary(row), key: secret.key, ownerId: input.ownerId };
}
