// The calling principal as the API describes it (GET /api/v1/me): who, which roles, which
// effective permissions, and how it authenticated. Built from the principal the request already
// has: no further query, and nothing secret is part of one.
import "server-only";
import { isKeyActor, type ApiPrincipal } from "@/lib/api/resolve-principal";

export type Principal = ReturnType<typeof getCurrentPrincipal>;

export function getCurrentPrincipal(principal: ApiPrincipal) {
  const key = isKeyActor(principal) ? principal.apiKey : null;
  return {
    id: principal.userId,
    username: principal.username,
    email: principal.email,
    firstName: principal.firstName,
    lastName: principal.lastName,
    emailVerified: principal.emailVerified,
    twoFactorEnabled: principal.twoFactorEnabled,
    roles: principal.roles.map((r) => ({ key: r.key, name: r.name })),
    permissions: [...principal.permissions].sort(),
    authenticatedBy: key ? ("api_key" as const) : ("session" as const),
    apiKey: key
      ? { id: key.id, name: key.name, prefix: key.prefix, scopes: [...key.scopes], expiresAt: key.expiresAt }
      : null,
  };
}
