// API key format: "odk_live_" + 43 characters of base64url randomness (256 bits). The first 8 of
// them follow the fixed part as the visible prefix shown in lists ("odk_live_3fK9a2Qb"); only the
// SHA-256 of the whole key is stored.
import "server-only";
import { randomToken, sha256 } from "@/lib/auth/crypto";

export const API_KEY_PREFIX = "odk_live_";
const SECRET_LENGTH = 43;
const VISIBLE = 8;
const KEY_PATTERN = new RegExp(`^${API_KEY_PREFIX}[A-Za-z0-9_-]{${SECRET_LENGTH}}$`);

export type NewApiKeySecret = { key: string; prefix: string; hash: string };

export function generateApiKey(): NewApiKeySecret {
  const key = `${API_KEY_PREFIX}${randomToken(32)}`;
  return { key, prefix: key.slice(0, API_KEY_PREFIX.length + VISIBLE), hash: sha256(key) };
}

/** The stored digest of a presented key, or null when it cannot be one of ours. */
export function apiKeyHash(presented: string): string | null {
  return KEY_PATTERN.test(presented) ? sha256(presented) : null;
}
