// API keys for integration and HTTP tests, written straight to the table the way the API-key DAL
// stores them (only the SHA-256), so a test can hold a key without going through the settings page.
import { db } from "@/lib/db";
import { generateApiKey } from "@/lib/api/api-key-format";
import type { Permission } from "@/lib/rbac/permissions";

export async function apiKeyFor(
  ownerId: string,
  scopes: readonly Permission[],
  options: { expiresAt?: Date; revokedAt?: Date; name?: string } = {},
) {
  const secret = generateApiKey();
  const row = await db.apiKey.create({
    data: {
      name: options.name ?? "test key",
      prefix: secret.prefix,
      hash: secret.hash,
      ownerId,
      createdById: ownerId,
      scopes: JSON.stringify(scopes),
      expiresAt: options.expiresAt ?? null,
      revokedAt: options.revokedAt ?? null,
    },
    select: { id: true },
  });
  return { id: row.id, key: secret.key, prefix: secret.prefix };
}
