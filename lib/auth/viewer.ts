// The signed-in person as the DAL sees them: identity, session and effective permissions. One
// database query per request (the session with its user and role ids, lib/auth/sessions.ts); what
// the roles grant comes from the per-process role cache (lib/rbac/role-cache.ts).
import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { RequestCookies } from "next/dist/server/web/spec-extension/cookies";
import { db } from "@/lib/db";
import { SESSION_COOKIE, sessionTokenFromCookie } from "@/lib/auth/cookie";
import {
  isSessionOver,
  PENDING_SESSION_MS,
  validateSessionToken,
  type SessionState,
  type ValidSession,
} from "@/lib/auth/sessions";
import { effectivePermissions } from "@/lib/rbac/effective-permissions";
import { roleCache } from "@/lib/rbac/role-cache";
import { SUPER_ADMIN_ROLE } from "@/lib/rbac/built-in-roles";
import { isPermission, type Permission } from "@/lib/rbac/permissions";

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
  roles: readonly { readonly key: string; readonly name: string }[];
  permissions: ReadonlySet<Permission>;
  /** A staff applicant waiting for approval holds no permission and sees only the waiting page. */
  pendingApproval: boolean;
  /** The admin acting as this user, when this is an impersonation session (lib/data/impersonation). */
  impersonatorId: string | null;
};

/**
 * An impersonation session lives only while the admin behind it could start it now: their own
 * session (the one it will return to) still alive and fully signed in, the admin not banned, their
 * password unchanged since, `users.impersonate` still theirs, and the person still holding nothing
 * the admin lacks and no Super Admin role (the rules of start-impersonation.ts, kept). Revoking the admin's sessions,
 * banning them or taking the permission away ends the impersonation on its next request. One more
 * query, only on impersonated requests. It also keeps the admin's own session from going idle
 * while they work as someone else.
 */
async function impersonatorStillEntitled(session: ValidSession): Promise<boolean> {
  if (!session.impersonatorId || !session.impersonatorSessionId) return false;
  const own = await db.session.findUnique({
    where: { id: session.impersonatorSessionId },
    select: {
      userId: true,
      state: true,
      createdAt: true,
      lastSeenAt: true,
      expiresAt: true,
      impersonatorId: true,
      user: {
        select: {
          status: true,
          passwordChangedAt: true,
          emailVerifiedAt: true,
          totpEnabledAt: true,
          staffApproval: true,
          _count: { select: { passkeys: true } },
          roles: { select: { roleId: true } },
        },
      },
    },
  });
  const now = Date.now();
  if (
    !own ||
    own.userId !== session.impersonatorId ||
    own.state !== "active" ||
    own.impersonatorId ||
    isSessionOver(own, own.user, now) ||
    own.user.staffApproval === "pending"
  ) {
    return false;
  }
  const roles = await roleCache.roleSet(
    own.user.roles.map((r) => r.roleId),
    session.accessVersion,
  );
  if (roles.requiresTwoFactor && !own.user.totpEnabledAt && own.user._count.passkeys === 0) return false;
  const held = effectivePermissions(roles.granted, {
    emailVerified: own.user.emailVerifiedAt != null,
    sessionComplete: true,
  });
  if (!held.has("users.impersonate")) return false;
  // Nor may the person meanwhile have come to hold more than the admin (a role granted during the 30 minutes).
  const acting = await roleCache.roleSet(session.roleIds, session.accessVersion);
  if (acting.roles.some((r) => r.key === SUPER_ADMIN_ROLE)) return false;
  if (acting.granted.some((key) => isPermission(key) && !held.has(key))) return false;
  if (now - own.lastSeenAt.getTime() > 60_000) {
    await db.session.updateMany({ where: { id: session.impersonatorSessionId }, data: { lastSeenAt: new Date(now) } });
  }
  return true;
}

/** The live session behind a session cookie's value (token included), or null. */
async function sessionFromCookie(value: string | undefined) {
  const token = await sessionTokenFromCookie(value);
  if (!token) return null;
  const session = await validateSessionToken(token);
  if (!session) return null;
  if (session.impersonatorId && !(await impersonatorStillEntitled(session))) {
    // Ended like an expired session; the clean-up (lib/data/impersonation) records it and emails the person.
    await db.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  return { ...session, token };
}

/** The current request's session (token included), or null. Once per request. */
export const getCurrentSession = cache(async () => sessionFromCookie((await cookies()).get(SESSION_COOKIE)?.value));

/**
 * "A role requires 2FA" holds for the whole life of a session, not only at sign-in: a role granted
 * (or switched to require 2FA) while the session is live holds it back for enrolment at once, in
 * the database, so every later request sees the same state. The update is
 * conditional on the state it read, so concurrent requests agree, and it only ever lowers a
 * session's rights; nothing here raises them again (that takes enrolment, which rotates the token).
 */
async function holdBackForEnrolment(session: ValidSession): Promise<SessionState> {
  const expiresAt = new Date(Math.min(session.expiresAt.getTime(), Date.now() + PENDING_SESSION_MS));
  await db.session.updateMany({
    where: { id: session.id, state: "active" },
    data: { state: "pending_enrolment", expiresAt },
  });
  // Whether this request or a concurrent one made the move, the session is no longer active.
  return "pending_enrolment";
}

export async function viewerFromSession(session: ValidSession): Promise<Viewer> {
  const roles = await roleCache.roleSet(session.roleIds, session.accessVersion);
  const emailVerified = session.user.emailVerifiedAt != null;
  // A passkey counts as the second factor as much as TOTP does.
  const twoFactorEnabled = session.user.totpEnabledAt != null || session.passkeyCount > 0;
  let state = session.state as SessionState;
  // An impersonation session is the admin's (who passed their own second factor), not a sign-in of
  // the person's: their 2FA requirement does not send the admin to set up 2FA for them.
  if (state === "active" && !twoFactorEnabled && roles.requiresTwoFactor && !session.impersonatorId) {
    state = await holdBackForEnrolment(session);
  }
  const pendingApproval = session.user.staffApproval === "pending";
  return {
    userId: session.user.id,
    sessionId: session.id,
    sessionState: state,
    username: session.user.username,
    email: session.user.email,
    firstName: session.user.firstName,
    lastName: session.user.lastName,
    emailVerified,
    twoFactorEnabled,
    roles: roles.roles,
    permissions: pendingApproval
      ? new Set<Permission>()
      : effectivePermissions(roles.granted, { emailVerified, sessionComplete: state === "active" }),
    pendingApproval,
    impersonatorId: session.impersonatorId,
  };
}

/**
 * The signed-in viewer of a route handler's request, read from the request's own Cookie header
 * (parsed as Next's cookies() parses it), so it needs no Next request scope: the production server
 * calls route handlers directly (scripts/lib/direct-routes.mjs).
 */
export async function getRequestViewer(request: Request): Promise<Viewer | null> {
  const session = await sessionFromCookie(new RequestCookies(request.headers).get(SESSION_COOKIE)?.value);
  return session ? viewerFromSession(session) : null;
}

/** The signed-in viewer of this request, or null. Once per request. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await getCurrentSession();
  return session ? viewerFromSession(session) : null;
});
