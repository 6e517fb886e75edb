// Admin: one user's account as the user-detail page shows it (users.read): profile without
// secrets, status, roles with what they grant (inherited permissions included), staff
// application, security state, and what the viewer may do with this account, each refusal with
// its reason, so the page renders only the controls the DAL would accept. The DAL functions
// behind those controls decide again on their own; this is for display.
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { env } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";
import { roleGrantRefusal } from "@/lib/rbac/assert-can-grant-role";
import { manageRefusal } from "@/lib/rbac/assert-can-manage-user";
import { countOtherActiveSuperAdmins } from "@/lib/rbac/assert-last-super-admin";
import { SUPER_ADMIN_ROLE } from "@/lib/rbac/built-in-roles";
import { requirePermission } from "@/lib/rbac/can";
import { loadRoleGraph, permissionsOfRoles } from "@/lib/rbac/load-role-graph";
import { ALL_PERMISSIONS, isPermission, type Permission } from "@/lib/rbac/permissions";
import { ancestry } from "@/lib/rbac/role-graph";
import { entityIdSchema } from "@/lib/validations/admin-user";
import { accountVersion, readAccessVersion } from "@/lib/data/users/user-version";

export type UserDetailRole = {
  id: string;
  key: string;
  name: string;
  description: string;
  builtIn: boolean;
  /** The role's parents, nearest first (it inherits their permissions). */
  inheritsFrom: string[];
  requiresTwoFactor: boolean;
  permissionCount: number;
};

export type AssignableRole = UserDetailRole & {
  held: boolean;
  /** Why the viewer may not grant or remove it; null when they may. */
  refusal: string | null;
};

export type UserCapability =
  | "manage"
  | "changeRoles"
  | "ban"
  | "unban"
  | "forcePasswordReset"
  | "resendVerification"
  | "manageSessions"
  | "resetTwoFactor"
  | "impersonate"
  | "decideStaffApplication"
  | "readActivity";

export type UserDetail = {
  id: string;
  username: string;
  email: string;
  firstName: string;
  lastName: string;
  dateOfBirth: Date;
  status: "active" | "banned";
  bannedAt: Date | null;
  banReason: string | null;
  staffApproval: "pending" | "approved" | "rejected" | null;
  staffRequestedAt: Date | null;
  staffDecidedAt: Date | null;
  staffRejectionReason: string | null;
  emailVerified: boolean;
  emailVerifiedAt: Date | null;
  twoFactorEnabled: boolean;
  twoFactorEnabledAt: Date | null;
  /** Passkeys the account holds (each a way in and a second factor). */
  passkeyCount: number;
  activeSessions: number;
  createdAt: Date;
  lastSignInAt: Date | null;
  passwordChangedAt: Date;
  roles: UserDetailRole[];
  /** Every catalogue permission the roles grant (before email-verification and pending-approval limits). */
  permissions: Permission[];
  /** For each of them, the held roles that grant it (directly or through a parent). */
  permissionSources: Partial<Record<Permission, string[]>>;
  /** The account's version (user-version.ts): the ETag over the API. */
  version: number;
  assignableRoles: AssignableRole[];
  isSelf: boolean;
  isSuperAdmin: boolean;
  isLastActiveSuperAdmin: boolean;
  /** What the viewer may do here; `refusals` says why not, for the capabilities refused. */
  viewerMay: Record<UserCapability, boolean>;
  refusals: Partial<Record<UserCapability, string>>;
};

const STAFF_STATES = new Set(["pending", "approved", "rejected"]);

export async function getUserDetail(viewer: Actor | null, userId: unknown): Promise<UserDetail> {
  requirePermission(viewer, "users.read");
  const parsed = entityIdSchema.safeParse(userId);
  if (!parsed.success) throw new NotFoundError("User not found.");
  const now = Date.now();
  // Read before the account, so the version is never newer than what is shown with it.
  const access = await readAccessVersion(db);
  const user = await db.user.findUnique({
    where: { id: parsed.data },
    select: {
      id: true,
      username: true,
      email: true,
      firstName: true,
      lastName: true,
      dateOfBirth: true,
      status: true,
      bannedAt: true,
      banReason: true,
      staffApproval: true,
      staffRequestedAt: true,
      staffDecidedAt: true,
      staffRejectionReason: true,
      emailVerifiedAt: true,
      totpEnabledAt: true,
      createdAt: true,
      lastSignInAt: true,
      passwordChangedAt: true,
      version: true,
      roles: { select: { roleId: true } },
      _count: {
        select: {
          sessions: {
            where: {
              expiresAt: { gt: new Date(now) },
              lastSeenAt: { gte: new Date(now - env.SESSION_IDLE_MINUTES * 60_000) },
            },
          },
          passkeys: true,
        },
      },
    },
  });
  if (!user) throw new NotFoundError("User not found.");
  const graph = await loadRoleGraph(db);
  const heldIds = user.roles.map((r) => r.roleId);

  const describe = (id: string): UserDetailRole | null => {
    const role = graph.get(id);
    if (!role) return null;
    const lineage = ancestry(id, graph);
    return {
      id: role.id,
      key: role.key,
      name: role.name,
      description: role.description,
      builtIn: role.builtIn,
      inheritsFrom: lineage.slice(1).map((r) => r.name),
      requiresTwoFactor: lineage.some((r) => r.requiresTwoFactor),
      permissionCount: [...permissionsOfRoles([id], graph)].filter(isPermission).length,
    };
  };
  const roles = heldIds.flatMap((id) => describe(id) ?? []);
  const granted = permissionsOfRoles(heldIds, graph);
  const permissions = ALL_PERMISSIONS.filter((p) => granted.has(p));
  const permissionSources: Partial<Record<Permission, string[]>> = {};
  for (const role of roles) {
    for (const key of permissionsOfRoles([role.id], graph)) {
      if (isPermission(key)) (permissionSources[key] ??= []).push(role.name);
    }
  }

  const isSelf = user.id === viewer.userId;
  const active = user.status === "active";
  const isSuperAdmin = roles.some((r) => r.key === SUPER_ADMIN_ROLE);
  const isLastActiveSuperAdmin = isSuperAdmin && active && (await countOtherActiveSuperAdmins(db, user.id)) === 0;
  const impersonating = viewer.impersonatorId !== null;
  // A passkey is a second factor too (an admin reset removes both).
  const twoFactorEnabled = user.totpEnabledAt !== null || user._count.passkeys > 0;

  const refusals: Partial<Record<UserCapability, string>> = {};
  /** Allowed when every check passes; the first failing check's reason is kept. */
  const decide = (capability: UserCapability, checks: [boolean, string][]): boolean => {
    const failed = checks.find(([ok]) => !ok);
    if (failed) refusals[capability] = failed[1];
    return !failed;
  };
  const higher = manageRefusal(viewer, heldIds, graph);
  const notHigher: [boolean, string] = [higher === null, higher ?? ""];
  const has = (p: Permission): [boolean, string] => [viewer.permissions.has(p), `You need the “${p}” permission.`];
  const notSelf = (what: string): [boolean, string] => [!isSelf, what];
  const notImpersonating: [boolean, string] = [!impersonating, "Not while impersonating someone."];

  const viewerMay: Record<UserCapability, boolean> = {
    manage: decide("manage", [has("users.manage"), notHigher]),
    changeRoles: decide("changeRoles", [
      has("users.manage"),
      notSelf("You cannot change your own roles."),
      notImpersonating,
      notHigher,
    ]),
    ban: decide("ban", [
      has("users.manage"),
      notSelf("You cannot ban yourself."),
      notHigher,
      [active, "This user is already banned."],
      [!isLastActiveSuperAdmin, "The last active Super Admin cannot be banned."],
    ]),
    unban: decide("unban", [has("users.manage"), notHigher, [!active, "This user is not banned."]]),
    forcePasswordReset: decide("forcePasswordReset", [
      has("users.manage"),
      notSelf("Change your own password in Settings → Security."),
      notImpersonating,
      notHigher,
      [active, "Lift the ban first."],
    ]),
    resendVerification: decide("resendVerification", [
      has("users.manage"),
      notHigher,
      [user.emailVerifiedAt === null, "The address is already verified."],
      [active, "Lift the ban first."],
    ]),
    manageSessions: decide("manageSessions", [
      has("sessions.manage"),
      notSelf("Manage your own sessions in Settings → Sessions."),
      notHigher,
    ]),
    resetTwoFactor: decide("resetTwoFactor", [
      has("sessions.manage"),
      notSelf("Change your own two-factor settings in Settings → Security."),
      notImpersonating,
      notHigher,
      [twoFactorEnabled, "Two-factor authentication is not turned on."],
      [!isLastActiveSuperAdmin, "The last active Super Admin’s two-factor authentication cannot be reset."],
    ]),
    impersonate: decide("impersonate", [
      has("users.impersonate"),
      notSelf("You cannot impersonate yourself."),
      notImpersonating,
      [!isSuperAdmin, "Super Admins cannot be impersonated."],
      notHigher,
      [active, "Banned accounts cannot be impersonated."],
    ]),
    decideStaffApplication: decide("decideStaffApplication", [
      has("staff.approve"),
      [user.staffApproval === "pending", "No staff application is waiting."],
      notSelf("You cannot decide your own application."),
    ]),
    readActivity: decide("readActivity", [has("audit.read")]),
  };

  const assignableRoles: AssignableRole[] = [...graph.values()].map((role) => {
    const base = describe(role.id)!;
    const refusal = viewerMay.changeRoles ? roleGrantRefusal(viewer, role, graph) : (refusals.changeRoles ?? null);
    const demotesLast = isLastActiveSuperAdmin && role.key === SUPER_ADMIN_ROLE && heldIds.includes(role.id);
    return {
      ...base,
      held: heldIds.includes(role.id),
      refusal: refusal ?? (demotesLast ? "The last active Super Admin keeps this role." : null),
    };
  });

  return {
    id: user.id,
    username: user.username,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    dateOfBirth: user.dateOfBirth,
    status: user.status === "banned" ? "banned" : "active",
    bannedAt: user.bannedAt,
    banReason: user.banReason,
    staffApproval: STAFF_STATES.has(user.staffApproval ?? "")
      ? (user.staffApproval as UserDetail["staffApproval"])
      : null,
    staffRequestedAt: user.staffRequestedAt,
    staffDecidedAt: user.staffDecidedAt,
    staffRejectionReason: user.staffRejectionReason,
    emailVerified: user.emailVerifiedAt !== null,
    emailVerifiedAt: user.emailVerifiedAt,
    twoFactorEnabled,
    twoFactorEnabledAt: user.totpEnabledAt,
    passkeyCount: user._count.passkeys,
    activeSessions: user._count.sessions,
    createdAt: user.createdAt,
    lastSignInAt: user.lastSignInAt,
    passwordChangedAt: user.passwordChangedAt,
    roles,
    permissions,
    permissionSources,
    version: accountVersion(user.version, access),
    assignableRoles,
    isSelf,
    isSuperAdmin,
    isLastActiveSuperAdmin,
    viewerMay,
    refusals,
  };
}
