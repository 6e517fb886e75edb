// The fields of an API key that its owner (and admins, for a service account's keys) may see:
// never the hash. Shared by the list functions and the create functions' answers.
import "server-only";
import { isPermission, type Permission } from "@/lib/rbac/permissions";
import { apiKeyStatus, type ApiKeyStatus } from "@/lib/validations/api-key";

export const API_KEY_SELECT = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  lastUsedIp: true,
  revokedAt: true,
} as const;

export type ApiKeyRow = {
  id: string;
  name: string;
  prefix: string;
  scopes: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
  revokedAt: Date | null;
};

export type ApiKeySummary = Omit<ApiKeyRow, "scopes"> & { scopes: Permission[]; status: ApiKeyStatus };

export function parseStoredScopes(raw: string): Permission[] {
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? value.filter((s): s is Permission => typeof s === "string" && isPermission(s)) : [];
  } catch {
    return [];
  }
}

export function toApiKeySummary(row: ApiKeyRow, now = Date.now()): ApiKeySummary {
  return { ...row, scopes: parseStoredScopes(row.scopes), status: apiKeyStatus(row, now) };
}
