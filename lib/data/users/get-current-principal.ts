// The signed-in principal as the API describes it (GET /api/v1/me): who, which roles, which
// effective permissions. Built from the viewer the request already has: no further query, and
// nothing secret is part of a viewer.
import "server-only";
import { requireViewer } from "@/lib/auth/require-viewer";
import type { Viewer } from "@/lib/auth/viewer";

export type Principal = ReturnType<typeof getCurrentPrincipal>;

export function getCurrentPrincipal(viewer: Viewer | null) {
  requireViewer(viewer);
  return {
    id: viewer.userId,
    username: viewer.username,
    email: viewer.email,
    firstName: viewer.firstName,
    lastName: viewer.lastName,
    emailVerified: viewer.emailVerified,
    twoFactorEnabled: viewer.twoFactorEnabled,
    roles: viewer.roles.map((r) => ({ key: r.key, name: r.name })),
    permissions: [...viewer.permissions].sort(),
  };
}
