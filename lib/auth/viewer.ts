// The signed-in person as the DAL sees them: identity, session and effective permissions.
import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { db } from "@/lib/db";
import { SESSION_COOKIE, sessionTokenFromCookie } from "@/lib/auth/cookie";
import { validateSessionToken, type SessionState, type ValidSession } from "@/lib/auth/sessions";
import { effectivePermissions } from "@/lib/rbac/effective-permissions";
import type { Permission } from "@/lib/rbac/permissions";

export type Viewer = {
  userId: string;
  sessionId: string;
  sessionState: SessionState;
  username: string;
  email: string;
  firstName: string;
  lastName: string;
  emailVerified: boolean;
  twoFactorEnabled: boolean;
  roles: { key: string; name: string }[];
  permissions: ReadonlySet<Permission>;
};

/** The current request's session (token included), or null. Once per request. */
export const getCurrentSession = cache(async () => {
  const jar = await cookies();
  const token = await sessionTokenFromCookie(jar.get(SESSION_COOKIE)?.value);
  if (!token) return null;
  const session = await validateSessionToken(token);
  return session ? { ...session, token } : null;
});

export async function viewerFromSession(session: ValidSession): Promise<Viewer> {
  const roles = await db.userRole.findMany({
    where: { userId: session.user.id },
    select: {
      role: { select: { key: true, name: true, permissions: { select: { permission: { select: { key: true } } } } } },
    },
  });
  const emailVerified = session.user.emailVerifiedAt !== null;
  return {
    userId: session.user.id,
    sessionId: session.id,
    sessionState: session.state as SessionState,
    username: session.user.username,
    email: session.user.email,
    firstName: session.user.firstName,
    lastName: session.user.lastName,
    emailVerified,
    twoFactorEnabled: session.user.totpEnabledAt !== null,
    roles: roles.map((r) => ({ key: r.role.key, name: r.role.name })),
    permissions: effectivePermissions(
      roles.flatMap((r) => r.role.permissions.map((p) => p.permission.key)),
      { emailVerified, sessionComplete: session.state === "active" },
    ),
  };
}

/** The signed-in viewer of this request, or null. Once per request. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await getCurrentSession();
  return session ? viewerFromSession(session) : null;
});
