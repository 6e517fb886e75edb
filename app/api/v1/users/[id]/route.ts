import { jsonRecord, withApi } from "@/lib/api/with-api";
import { requirePermission } from "@/lib/rbac/can";
import { getUserDetail, type UserDetail } from "@/lib/data/users/get-user-detail";
import { setUserRoles } from "@/lib/data/users/set-user-roles";

/** The API's view of an account: what the admin page shows, less its display-only helpers. */
function userResource(u: UserDetail) {
  return {
    id: u.id,
    username: u.username,
    email: u.email,
    firstName: u.firstName,
    lastName: u.lastName,
    status: u.status,
    bannedAt: u.bannedAt,
    banReason: u.banReason,
    staffApproval: u.staffApproval,
    emailVerified: u.emailVerified,
    twoFactorEnabled: u.twoFactorEnabled,
    activeSessions: u.activeSessions,
    createdAt: u.createdAt,
    lastSignInAt: u.lastSignInAt,
    roles: u.roles.map((r) => ({ id: r.id, key: r.key, name: r.name })),
    permissions: u.permissions,
    version: u.version,
  };
}

/** GET /api/v1/users/{id}: one account with its roles and effective permissions; ETag is its version (304 for a matching If-None-Match). */
export const GET = withApi(
  async (ctx) => {
    const user = await getUserDetail(ctx.actor, ctx.params.id);
    return jsonRecord(ctx.request, { data: userResource(user) }, user.version);
  },
  { permission: "users.read" },
);

/**
 * PATCH /api/v1/users/{id}: replace the account's roles (`roleIds`). The admin console's guard
 * rails apply: never one's own roles, never granting or removing what the caller does not hold,
 * never demoting the last Super Admin. Send If-Match with the ETag you read: an account changed
 * since answers 412.
 */
export const PATCH = withApi(
  async (ctx) => {
    // The answer is the account as it now stands: checked before writing, so a caller that may
    // change roles but not read accounts is refused instead of told 403 after the change.
    requirePermission(ctx.actor, "users.read");
    const body = await ctx.json();
    const roleIds = body && typeof body === "object" ? (body as { roleIds?: unknown }).roleIds : undefined;
    const change = await setUserRoles(ctx.actor, { userId: ctx.params.id, roleIds }, ctx, ctx.expectedVersion());
    const user = await getUserDetail(ctx.actor, ctx.params.id);
    return jsonRecord(
      ctx.request,
      { data: userResource(user), meta: { rolesBefore: change.before, rolesAfter: change.after } },
      user.version,
    );
  },
  { permission: "users.manage" },
);
