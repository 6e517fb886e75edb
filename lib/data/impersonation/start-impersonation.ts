// An admin starts acting as someone: a new session of that person, bound to the admin and to the
// admin's own session, living at most 30 minutes (and never past the admin's session). The person's
// own sessions are left as they are. Refused for oneself, for Super Admins, for anyone holding a
// permission the admin lacks (inherited ones included), for banned accounts and staff applicants,
// from a session that is itself an impersonation, and from one not fully signed in. The session
// and its audit event are written in one transaction; the caller puts the token in the session
// cookie and the admin's own token in the return ticket (lib/auth/impersonation-cookie.ts).
import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { randomToken, sha256 } from "@/lib/auth/crypto";
import { requireViewer } from "@/lib/auth/require-viewer";
import type { Viewer } from "@/lib/auth/viewer";
import { ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { IMPERSONATION_MINUTES, startImpersonationSchema } from "@/lib/validations/impersonation";
import { SUPER_ADMIN_ROLE } from "@/lib/rbac/built-in-roles";
import { requirePermission } from "@/lib/rbac/can";
import { isPermission } from "@/lib/rbac/permissions";
import { ancestry, type GraphRole } from "@/lib/rbac/role-graph";
import { parseOrThrow } from "@/lib/validations/parse";

export type StartedImpersonation = {
  token: string;
  sessionId: string;
  userId: string;
  expiresAt: Date;
  /** The admin's own session, which the return ticket must not outlive. */
  adminSession: { expiresAt: Date; remember: boolean };
};

export async function startImpersonation(
  viewer: Viewer | null,
  input: unknown,
  ctx: RequestContext,
): Promise<StartedImpersonation> {
  requireViewer(viewer);
  requirePermission(viewer, "users.impersonate");
  if (viewer.impersonatorId) {
    throw new ForbiddenError("You are already acting as someone: stop impersonating first.", "impersonation_restricted");
  }
  const { userId, reason } = parseOrThrow(startImpersonationSchema, input);
  if (userId === viewer.userId) throw new ForbiddenError("You cannot impersonate yourself.");

  return db.$transaction(async (tx) => {
    const own = await tx.session.findUnique({
      where: { id: viewer.sessionId },
      select: { state: true, expiresAt: true, remember: true, impersonatorId: true },
    });
    if (!own || own.state !== "active" || own.impersonatorId || own.expiresAt.getTime() <= Date.now()) {
      throw new UnauthenticatedError();
    }
    const target = await tx.user.findUnique({
      where: { id: userId },
      select: { id: true, status: true, kind: true, staffApproval: true, roles: { select: { roleId: true } } },
    });
    if (!target) throw new NotFoundError("User not found.");
    if (target.kind !== "person") throw new ForbiddenError("Service accounts cannot be impersonated: they never sign in.");

    const rows = await tx.role.findMany({
      select: {
        id: true,
        key: true,
        parentId: true,
        requiresTwoFactor: true,
        permissions: { select: { permission: { select: { key: true } } } },
      },
    });
    const graph = new Map<string, GraphRole & { key: string }>(
      rows.map((r) => [r.id, { ...r, permissions: r.permissions.map((p) => p.permission.key) }]),
    );
    const lineage = target.roles.flatMap((r) => ancestry(r.roleId, graph));
    if (lineage.some((r) => r.key === SUPER_ADMIN_ROLE)) throw new ForbiddenError("Super Admins cannot be impersonated.");
    const beyond = lineage.flatMap((r) => r.permissions).filter((k) => isPermission(k) && !viewer.permissions.has(k));
    if (beyond.length) {
      throw new ForbiddenError("This user holds permissions you do not have, so you cannot impersonate them.");
    }
    if (target.status === "banned") throw new ForbiddenError("Banned accounts cannot be impersonated.");
    if (target.staffApproval === "pending") {
      throw new ForbiddenError("Accounts waiting for staff approval cannot be impersonated.");
    }

    const now = Date.now();
    const expiresAt = new Date(Math.min(now + IMPERSONATION_MINUTES * 60_000, own.expiresAt.getTime()));
    const token = randomToken();
    const session = await tx.session.create({
      data: {
        tokenHash: sha256(token),
        userId: target.id,
        state: "active",
        remember: own.remember,
        ipAddress: ctx.ip,
        userAgent: ctx.userAgent,
        createdAt: new Date(now),
        lastSeenAt: new Date(now),
        expiresAt,
        impersonatorId: viewer.userId,
        impersonatorSessionId: viewer.sessionId,
        impersonationReason: reason,
      },
      select: { id: true },
    });
    await audit(
      {
        action: "impersonation.started",
        actorId: viewer.userId,
        targetType: "user",
        targetId: target.id,
        metadata: {
          reason,
          impersonationSessionId: session.id,
          impersonatorSessionId: viewer.sessionId,
          expiresAt: expiresAt.toISOString(),
        },
        context: ctx,
      },
      tx,
    );
    return {
      token,
      sessionId: session.id,
      userId: target.id,
      expiresAt,
      adminSession: { expiresAt: own.expiresAt, remember: own.remember },
    };
  });
}
