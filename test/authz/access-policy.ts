// The authorization matrix's declaration table: every page, route handler and server action of
// the app, with the access it requires and how to make valid arguments for it. The suites
// (test/authz/authz-matrix.integration.test.ts for actions and route handlers,
// e2e/authz-matrix.spec.ts for pages) discover the endpoints from the file tree and fail when one
// has no entry here, or an entry points to nothing; then they call every case as every principal
// (test/authz/access.ts) and compare the outcome with what this table says.
//
// Arguments are made per cell by factories (test/authz/fixtures.ts) so that an allowed call acts
// on a throwaway target made for it (a fresh user to ban, a fresh session to revoke), never on the
// principal. `watch` lists the rows a refused call must leave exactly as they were.
import { BUILT_IN_ROLES } from "../../lib/rbac/built-in-roles";
import { ALL_PERMISSIONS, type Permission } from "../../lib/rbac/permissions";
import {
  NOBODY,
  OWN_ACCOUNT,
  OWN_SIGN_IN_SETTINGS,
  PENDING_SECOND_FACTOR,
  perm,
  permNotImpersonating,
  permOver,
  PUBLIC,
  PUBLIC_NOT_IMPERSONATING,
  signedIn,
  type Access,
  type PrincipalKind,
} from "./access";
import { analyticsApiPolicy } from "./policy/analytics-api";
import { analyticsUiPolicy } from "./policy/analytics-ui";
import { apiPlatformPolicy } from "./policy/api-platform";
import { auditIntegrityPolicy } from "./policy/audit-integrity";
import { auditStreamsPolicy } from "./policy/audit-streams";
import { boardsApiPolicy } from "./policy/boards-api";
import { boardsLivePolicy } from "./policy/boards-live";
import { boardsUiPolicy } from "./policy/boards-ui";
import { customersPolicy } from "./policy/customers";
import { directoryApiPolicy } from "./policy/directory-api";
import { externalSignInPolicy } from "./policy/external-sign-in";
import { logsPolicy } from "./policy/logs";
import { passkeysPolicy } from "./policy/passkeys";
import { productsPolicy } from "./policy/products";
import { staffRecordsPolicy } from "./policy/staff-records";
import { transactionsPolicy } from "./policy/transactions";
import {
  FIXTURE_PASSWORD,
  missingId,
  watchUser,
  type Fixtures,
  type Me,
  type UserOptions,
  type Watch,
} from "./fixtures";

/** One area's entries (test/authz/policy/*.ts), merged into ACTIONS, ROUTES and PAGES below. */
export type AreaPolicy = {
  actions: Record<string, ActionDeclaration>;
  routes: Record<string, RouteDeclaration>;
  pages: Record<string, PageDeclaration>;
};

export type Setup<T> = (f: Fixtures, me: Me) => Promise<T>;

export type ActionCase = {
  label: string;
  /** Overrides the declaration's access for this case (e.g. someone else's id: nobody). */
  access?: Access;
  /**
   * Further result codes that count as a refusal here, when the watched rows stay unchanged: for
   * another user's id through an own-account action, "not found" is the right answer (it must not
   * even confirm that the id exists).
   */
  alsoRefusal?: readonly string[];
  setup: Setup<{ args: unknown[]; watch?: Watch[] }>;
};
export type ActionDeclaration = { access: Access; cases?: ActionCase[] };

export type RouteCase = {
  label: string;
  access?: Access;
  setup: Setup<{ params?: Record<string, string>; query?: Record<string, string>; body?: unknown; watch?: Watch[] }>;
};
export type RouteDeclaration = { access: Access; cases?: RouteCase[] };

export type PageCase = {
  label: string;
  access?: Access;
  /** An allowed visit answers 404 (the id matches nothing); a refused one must still be refused. */
  notFound?: boolean;
  /** `secret`: text of the target (e.g. its email) that a refused response must not contain. */
  setup: Setup<{ params?: Record<string, string>; query?: Record<string, string>; secret?: string }>;
};
export type PageDeclaration = {
  access: Access;
  cases?: PageCase[];
  /** Where an allowed visit may be redirected (path prefixes), besides answering 200. */
  allowedRedirects?: readonly string[];
  /**
   * Where a refused visit lands when it is not the usual place for that principal (visitor →
   * /sign-in, pending second factor → /sign-in/two-factor, held back for enrolment →
   * /setup-two-factor, staff applicant → /pending-approval, anyone else → 403).
   */
  deniedAs?: Partial<Record<PrincipalKind | "active", string>>;
};

/** Setting up 2FA: in a full session or one held back for enrolment; never unverified (pre-hijack), never impersonating. */
const TWO_FACTOR_SET_UP = signedIn({
  states: ["active", "pending_enrolment"],
  pendingApplicant: true,
  impersonation: false,
  unverified: false,
});

const NO_ARGS: ActionCase[] = [{ label: "no arguments", setup: async () => ({ args: [] }) }];

/** Every permission a Super Admin target holds: only someone holding all of them may manage it. */
const SUPER_ADMIN_HOLDS: readonly Permission[] = ALL_PERMISSIONS;

function formData(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

function uniqueEmail(prefix: string): string {
  return `${prefix}${Math.random().toString(36).slice(2, 10)}@example.com`;
}

/**
 * An admin action on a user id: a fresh plain user (allowed with the permission), a Super Admin
 * (only for those holding everything: nobody manages an account holding more), an id that matches
 * nobody, and oneself (refused to everyone: admins use Settings for their own account).
 */
function userTargetCases(
  permission: Permission,
  build: (userId: string) => unknown[],
  options: { target?: UserOptions; self?: boolean } = {},
): ActionCase[] {
  const cases: ActionCase[] = [
    {
      label: "a fresh user",
      setup: async (f) => {
        const target = await f.user(options.target);
        await f.session(target.id);
        return { args: build(target.id), watch: watchUser(target.id) };
      },
    },
    {
      label: "a Super Admin (holds more than an Admin)",
      access: permOver([permission], SUPER_ADMIN_HOLDS),
      setup: async (f) => {
        const target = await f.user({ ...options.target, role: "super_admin", totp: true });
        await f.session(target.id);
        return { args: build(target.id), watch: watchUser(target.id) };
      },
    },
    { label: "an id that matches nobody", setup: async () => ({ args: build(missingId()) }) },
  ];
  if (options.self ?? true) {
    cases.push({
      label: "oneself",
      access: NOBODY,
      setup: async (_f, me) => ({
        args: build(me.userId ?? missingId()),
        watch: me.userId ? watchUser(me.userId) : [],
      }),
    });
  }
  return cases;
}

/** Resend or revoke an invitation: one with the User role, one with Super Admin (only for those holding everything), a missing id. */
function invitationCases(): ActionCase[] {
  return [
    {
      label: "a pending invitation with the User role",
      setup: async (f) => {
        const inv = await f.invitation();
        return { args: [inv.id], watch: [{ table: "Invitation", where: { id: inv.id } }] };
      },
    },
    {
      label: "a pending invitation with the Super Admin role",
      access: permOver(["users.invite"], SUPER_ADMIN_HOLDS),
      setup: async (f) => {
        const inv = await f.invitation({ role: "super_admin" });
        return { args: [inv.id], watch: [{ table: "Invitation", where: { id: inv.id } }] };
      },
    },
    { label: "an id that matches nobody", setup: async () => ({ args: [missingId()] }) },
  ];
}

function roleRows(roleId: string): Watch[] {
  return [
    { table: "Role", where: { id: roleId } },
    { table: "RolePermission", where: { roleId } },
    { table: "UserRole", where: { roleId } },
  ];
}

const STAFF_ROLE_HOLDS: readonly Permission[] = BUILT_IN_ROLES.find((r) => r.key === "staff")!.permissions;

// ---------------------------------------------------------------------------------------------
// Server actions: "lib/actions/<area>/<verb-noun>.ts#exportName"

const CORE_ACTIONS: Record<string, ActionDeclaration> = {
  // Admin console: users (lib/data/users/*)
  "lib/actions/admin/ban-user.ts#banUserAction": {
    access: perm("users.manage"),
    cases: userTargetCases("users.manage", (userId) => [{ userId, reason: "authorization matrix" }]),
  },
  "lib/actions/admin/unban-user.ts#unbanUserAction": {
    access: perm("users.manage"),
    cases: userTargetCases("users.manage", (userId) => [userId], { target: { status: "banned" }, self: false }),
  },
  "lib/actions/admin/bulk-ban-users.ts#bulkBanUsersAction": {
    access: perm("users.manage"),
    cases: [
      {
        label: "two fresh users",
        setup: async (f) => {
          const [a, b] = [await f.user(), await f.user()];
          return { args: [[a.id, b.id], "authorization matrix"], watch: [...watchUser(a.id), ...watchUser(b.id)] };
        },
      },
    ],
  },
  "lib/actions/admin/bulk-assign-role.ts#bulkAssignRoleAction": {
    access: permNotImpersonating("users.manage"),
    cases: [
      {
        label: "Staff to two fresh users",
        setup: async (f) => {
          const [a, b] = [await f.user(), await f.user()];
          return { args: [[a.id, b.id], await f.roleId("staff")], watch: [...watchUser(a.id), ...watchUser(b.id)] };
        },
      },
      {
        label: "Super Admin to a fresh user (only a Super Admin gives it)",
        access: permOver(["users.manage"], SUPER_ADMIN_HOLDS),
        setup: async (f) => {
          const a = await f.user();
          return { args: [[a.id], await f.roleId("super_admin")], watch: watchUser(a.id) };
        },
      },
    ],
  },
  "lib/actions/admin/set-user-roles.ts#setUserRolesAction": {
    access: permNotImpersonating("users.manage"),
    cases: [
      ...userTargetCases("users.manage", (userId) => [{ userId, roleIds: [] }]).map((c) => ({
        ...c,
        // Roles are set from a list: the fresh user keeps User and gains Staff.
        setup: async (f: Fixtures, me: Me) => {
          const made = await c.setup(f, me);
          const first = made.args[0] as { userId: string; roleIds: string[] };
          return {
            ...made,
            args: [{ userId: first.userId, roleIds: [await f.roleId("user"), await f.roleId("staff")] }],
          };
        },
      })),
      {
        label: "making a fresh user Super Admin",
        access: permOver(["users.manage"], SUPER_ADMIN_HOLDS),
        setup: async (f) => {
          const a = await f.user();
          return { args: [{ userId: a.id, roleIds: [await f.roleId("super_admin")] }], watch: watchUser(a.id) };
        },
      },
    ],
  },
  "lib/actions/admin/force-password-reset.ts#forcePasswordResetAction": {
    access: permNotImpersonating("users.manage"),
    cases: userTargetCases("users.manage", (userId) => [{ userId, signOut: true }]),
  },
  "lib/actions/admin/resend-verification.ts#resendVerificationAction": {
    access: perm("users.manage"),
    cases: userTargetCases("users.manage", (userId) => [userId], { target: { verified: false }, self: false }),
  },
  "lib/actions/admin/reset-user-two-factor.ts#resetUserTwoFactorAction": {
    access: perm("sessions.manage"),
    cases: userTargetCases("sessions.manage", (userId) => [userId], { target: { totp: true } }),
  },
  "lib/actions/admin/revoke-user-sessions.ts#revokeUserSessionsAction": {
    access: perm("sessions.manage"),
    cases: userTargetCases("sessions.manage", (userId) => [userId], { self: false }),
  },
  "lib/actions/admin/revoke-user-session.ts#revokeUserSessionAction": {
    access: perm("sessions.manage"),
    cases: [
      {
        label: "a fresh user's session",
        setup: async (f) => {
          const target = await f.user();
          const s = await f.session(target.id);
          return { args: [{ userId: target.id, sessionId: s.id }], watch: watchUser(target.id) };
        },
      },
      {
        label: "a Super Admin's session",
        access: permOver(["sessions.manage"], SUPER_ADMIN_HOLDS),
        setup: async (f) => {
          const target = await f.user({ role: "super_admin", totp: true });
          const s = await f.session(target.id);
          return { args: [{ userId: target.id, sessionId: s.id }], watch: watchUser(target.id) };
        },
      },
      {
        label: "one's own other session",
        access: NOBODY,
        setup: async (f, me) => {
          if (!me.userId) return { args: [{ userId: missingId(), sessionId: missingId() }] };
          const mine = await f.session(me.userId);
          return {
            args: [{ userId: me.userId, sessionId: mine.id }],
            watch: [{ table: "Session", where: { id: mine.id } }],
          };
        },
      },
      {
        label: "a session of someone other than the user named",
        access: NOBODY,
        alsoRefusal: ["not_found"],
        setup: async (f) => {
          const [named, owner] = [await f.user(), await f.user()];
          const s = await f.session(owner.id);
          return { args: [{ userId: named.id, sessionId: s.id }], watch: watchUser(owner.id) };
        },
      },
    ],
  },

  // Roles (lib/data/roles/*): only a holder of roles.manage, never granting what they lack
  "lib/actions/roles/create-role.ts#createRoleAction": {
    access: permNotImpersonating("roles.manage"),
    cases: [
      {
        label: "a role granting board.read",
        setup: async () => ({
          args: [
            {
              name: `Matrix ${Math.random().toString(36).slice(2, 8)}`,
              description: "",
              permissions: ["board.read"],
              requiresTwoFactor: false,
              parentId: null,
            },
          ],
        }),
      },
    ],
  },
  "lib/actions/roles/update-role.ts#updateRoleAction": {
    access: permNotImpersonating("roles.manage"),
    cases: [
      {
        label: "renaming a fresh custom role",
        setup: async (f) => {
          const role = await f.role({ permissions: ["board.read"] });
          return {
            args: [
              role.id,
              {
                name: `Matrix ${Math.random().toString(36).slice(2, 8)}`,
                description: "renamed",
                permissions: ["board.read", "dashboard.view"],
                requiresTwoFactor: false,
                parentId: null,
              },
            ],
            watch: roleRows(role.id),
          };
        },
      },
      {
        label: "stripping the Super Admin role",
        access: NOBODY,
        alsoRefusal: ["validation_failed"],
        setup: async (f) => {
          const id = await f.roleId("super_admin");
          return {
            args: [
              id,
              {
                name: "Super Admin",
                description: "",
                permissions: ["board.read"],
                requiresTwoFactor: true,
                parentId: null,
              },
            ],
            watch: roleRows(id),
          };
        },
      },
    ],
  },
  "lib/actions/roles/delete-role.ts#deleteRoleAction": {
    access: permNotImpersonating("roles.manage"),
    cases: [
      {
        label: "a fresh custom role nobody holds",
        setup: async (f) => {
          const role = await f.role({ permissions: ["board.read"] });
          return { args: [role.id, { reassignTo: null }], watch: roleRows(role.id) };
        },
      },
      {
        label: "the built-in User role",
        access: NOBODY,
        setup: async (f) => {
          const id = await f.roleId("user");
          return { args: [id, { reassignTo: null }], watch: roleRows(id) };
        },
      },
    ],
  },

  // Invitations (lib/data/invitations/*): inviting with a role needs every permission it grants
  "lib/actions/invitations/create-invitation.ts#createInvitationAction": {
    access: perm("users.invite"),
    cases: [
      {
        label: "a new address with the User role",
        setup: async (f) => ({ args: [{ email: uniqueEmail("invitee"), roleId: await f.roleId("user") }] }),
      },
      {
        label: "a new address with the Super Admin role",
        access: permOver(["users.invite"], SUPER_ADMIN_HOLDS),
        setup: async (f) => ({ args: [{ email: uniqueEmail("invitee"), roleId: await f.roleId("super_admin") }] }),
      },
    ],
  },
  "lib/actions/invitations/resend-invitation.ts#resendInvitationAction": {
    access: perm("users.invite"),
    cases: invitationCases(),
  },
  "lib/actions/invitations/revoke-invitation.ts#revokeInvitationAction": {
    access: perm("users.invite"),
    cases: invitationCases(),
  },
  // The token in the link is the credential.
  "lib/actions/invitations/accept-invitation.ts#acceptInvitationAction": {
    access: PUBLIC,
    cases: [
      {
        label: "a live invitation",
        setup: async (f) => {
          const invitation = await f.invitation();
          const username = `mx${Math.random().toString(36).slice(2, 10)}`;
          return {
            args: [
              invitation.token,
              {
                username,
                firstName: "Matrix",
                lastName: "Invitee",
                dateOfBirth: "1990-01-01",
                password: FIXTURE_PASSWORD,
                confirmPassword: FIXTURE_PASSWORD,
              },
            ],
          };
        },
      },
    ],
  },

  // Impersonation (lib/data/impersonation/*)
  "lib/actions/impersonation/start-impersonation.ts#startImpersonationAction": {
    access: perm("users.impersonate"),
    cases: [
      {
        label: "a fresh user",
        setup: async (f) => {
          const target = await f.user();
          return { args: [{ userId: target.id, reason: "authorization matrix" }], watch: watchUser(target.id) };
        },
      },
      {
        label: "a Super Admin",
        access: NOBODY,
        setup: async (f) => {
          const target = await f.user({ role: "super_admin", totp: true });
          return { args: [{ userId: target.id, reason: "authorization matrix" }], watch: watchUser(target.id) };
        },
      },
      {
        label: "a staff applicant waiting for approval",
        access: NOBODY,
        setup: async (f) => {
          const target = await f.user({ staffApproval: "pending" });
          return { args: [{ userId: target.id, reason: "authorization matrix" }], watch: watchUser(target.id) };
        },
      },
      {
        label: "oneself",
        access: NOBODY,
        setup: async (_f, me) => ({ args: [{ userId: me.userId ?? missingId(), reason: "authorization matrix" }] }),
      },
    ],
  },
  // Ends the impersonation this browser is in; for anyone else it changes nothing and redirects.
  "lib/actions/impersonation/stop-impersonation.ts#stopImpersonationAction": { access: PUBLIC, cases: NO_ARGS },

  // Staff approval (lib/data/staff/*)
  "lib/actions/staff/approve-staff.ts#approveStaffAction": {
    // Approving grants Staff: the approver must hold every permission of the role.
    access: permOver(["staff.approve"], STAFF_ROLE_HOLDS),
    cases: [
      {
        label: "a fresh applicant",
        setup: async (f) => {
          const a = await f.user({ staffApproval: "pending" });
          return { args: [a.id], watch: watchUser(a.id) };
        },
      },
      { label: "an id that matches nobody", setup: async () => ({ args: [missingId()] }) },
      {
        label: "oneself",
        access: NOBODY,
        setup: async (_f, me) => ({ args: [me.userId ?? missingId()], watch: me.userId ? watchUser(me.userId) : [] }),
      },
    ],
  },
  "lib/actions/staff/reject-staff.ts#rejectStaffAction": {
    access: perm("staff.approve"),
    cases: [
      {
        label: "a fresh applicant",
        setup: async (f) => {
          const a = await f.user({ staffApproval: "pending" });
          return { args: [a.id, "authorization matrix"], watch: watchUser(a.id) };
        },
      },
      {
        label: "oneself",
        access: NOBODY,
        setup: async (_f, me) => ({
          args: [me.userId ?? missingId(), "authorization matrix"],
          watch: me.userId ? watchUser(me.userId) : [],
        }),
      },
    ],
  },
  // "Continue" under a rejection notice: a cookie of this browser, nothing in the database.
  "lib/actions/staff/dismiss-staff-decision.ts#dismissStaffDecisionAction": { access: PUBLIC, cases: NO_ARGS },

  // Sign-in, sign-up and email links: public by nature (a token or a password is the credential).
  "lib/actions/auth/cancel-sign-in.ts#cancelSignInAction": { access: PUBLIC, cases: NO_ARGS },
  "lib/actions/auth/complete-second-factor.ts#completeSecondFactorAction": {
    access: PENDING_SECOND_FACTOR,
    cases: [
      { label: "a wrong code", setup: async () => ({ args: [{ method: "totp", code: "000000" }, "/dashboard"] }) },
    ],
  },
  // The link is the credential, but an impersonation session never changes the address.
  "lib/actions/auth/confirm-email-change.ts#confirmEmailChangeAction": {
    access: PUBLIC_NOT_IMPERSONATING,
    cases: [
      {
        label: "a live link of a fresh user",
        setup: async (f) => {
          const target = await f.user();
          const token = await f.oneTimeToken(target.id, "email_change", uniqueEmail("moved"));
          return { args: [formData({ token })] };
        },
      },
    ],
  },
  "lib/actions/auth/confirm-email.ts#confirmEmailAction": {
    access: PUBLIC,
    cases: [
      {
        label: "a live link of a fresh unverified user",
        setup: async (f) => {
          const target = await f.user({ verified: false });
          const token = await f.oneTimeToken(target.id, "email_verification", target.email);
          return { args: [formData({ token })] };
        },
      },
    ],
  },
  "lib/actions/auth/forgot-password.ts#forgotPasswordAction": {
    access: PUBLIC,
    cases: [{ label: "a fresh user's address", setup: async (f) => ({ args: [{ email: (await f.user()).email }] }) }],
  },
  "lib/actions/auth/resend-verification.ts#resendVerificationAction": { access: OWN_ACCOUNT, cases: NO_ARGS },
  "lib/actions/auth/reset-password.ts#resetPasswordAction": {
    access: PUBLIC,
    cases: [
      {
        label: "a live link of a fresh user",
        setup: async (f) => {
          const target = await f.user();
          const token = await f.oneTimeToken(target.id, "password_reset");
          const password = "a brand new passphrase 77";
          return { args: [{ token, password, confirmPassword: password }] };
        },
      },
    ],
  },
  "lib/actions/auth/sign-in.ts#signInAction": {
    access: PUBLIC,
    cases: [
      {
        label: "a fresh user's password",
        setup: async (f) => ({
          args: [{ identifier: (await f.user()).username, password: FIXTURE_PASSWORD }, "/dashboard"],
        }),
      },
    ],
  },
  "lib/actions/auth/sign-out.ts#signOutAction": { access: PUBLIC, cases: NO_ARGS },
  "lib/actions/auth/sign-up.ts#signUpAction": {
    access: PUBLIC,
    cases: [
      {
        label: "a new person",
        setup: async () => {
          const username = `mx${Math.random().toString(36).slice(2, 10)}`;
          return {
            args: [
              {
                username,
                email: `${username}@example.com`,
                firstName: "Matrix",
                lastName: "Person",
                dateOfBirth: "1990-01-01",
                password: FIXTURE_PASSWORD,
                confirmPassword: FIXTURE_PASSWORD,
              },
            ],
          };
        },
      },
    ],
  },

  // Own account
  "lib/actions/settings/change-password.ts#changePasswordAction": {
    access: OWN_SIGN_IN_SETTINGS,
    cases: [
      {
        label: "the right current password",
        setup: async (_f, me) => ({
          args: [
            {
              currentPassword: FIXTURE_PASSWORD,
              password: "another long passphrase 42",
              confirmPassword: "another long passphrase 42",
            },
          ],
          watch: me.userId ? [{ table: "User", where: { id: me.userId } }] : [],
        }),
      },
    ],
  },
  "lib/actions/settings/request-email-change.ts#requestEmailChangeAction": {
    access: OWN_SIGN_IN_SETTINGS,
    cases: [
      {
        label: "a new address",
        setup: async (_f, me) => ({
          args: [{ email: uniqueEmail("new"), currentPassword: FIXTURE_PASSWORD }],
          watch: me.userId ? [{ table: "OneTimeToken", where: { userId: me.userId } }] : [],
        }),
      },
    ],
  },
  // Signing the account holder's devices out is theirs to do, not an impersonating admin's.
  "lib/actions/settings/revoke-other-sessions.ts#revokeOtherSessionsAction": {
    access: OWN_SIGN_IN_SETTINGS,
    cases: [
      {
        label: "with another own session",
        setup: async (f, me) => {
          if (me.userId) await f.session(me.userId);
          return { args: [], watch: me.userId ? [{ table: "Session", where: { userId: me.userId } }] : [] };
        },
      },
    ],
  },
  "lib/actions/settings/revoke-session.ts#revokeSessionAction": {
    access: OWN_SIGN_IN_SETTINGS,
    cases: [
      {
        label: "another own session",
        setup: async (f, me) => {
          if (!me.userId) return { args: [missingId()] };
          const other = await f.session(me.userId);
          return { args: [other.id], watch: [{ table: "Session", where: { id: other.id } }] };
        },
      },
      {
        label: "someone else's session id",
        access: NOBODY,
        alsoRefusal: ["not_found"],
        setup: async (f) => {
          const someone = await f.user();
          const theirs = await f.session(someone.id);
          return { args: [theirs.id], watch: [{ table: "Session", where: { id: theirs.id } }] };
        },
      },
    ],
  },
  "lib/actions/settings/update-profile.ts#updateProfileAction": {
    access: OWN_ACCOUNT,
    cases: [
      {
        label: "a new name",
        setup: async (_f, me) => ({
          args: [{ firstName: "Renamed", lastName: "Person", dateOfBirth: "1990-01-01" }],
          watch: me.userId ? [{ table: "User", where: { id: me.userId } }] : [],
        }),
      },
    ],
  },

  // Two-factor set-up (own account; the enrolment a role forces runs in a held-back session)
  "lib/actions/two-factor/confirm-totp-enrolment.ts#confirmTotpEnrolmentAction": {
    access: TWO_FACTOR_SET_UP,
    cases: [{ label: "a wrong code", setup: async () => ({ args: [{ code: "000000" }] }) }],
  },
  "lib/actions/two-factor/disable-totp.ts#disableTotpAction": {
    access: signedIn({
      pendingApplicant: true,
      impersonation: false,
      condition: { label: "no role of theirs requires 2FA", holds: (p) => !p.roleRequiresTwoFactor },
    }),
    cases: [
      {
        label: "password and a wrong code",
        setup: async (_f, me) => ({
          args: [{ currentPassword: FIXTURE_PASSWORD, code: "000000" }],
          watch: me.userId ? [{ table: "User", where: { id: me.userId } }] : [],
        }),
      },
    ],
  },
  "lib/actions/two-factor/finish-two-factor-enrolment.ts#finishTwoFactorEnrolmentAction": {
    access: signedIn({ states: ["enrolment_confirmed"], pendingApplicant: true }),
    cases: NO_ARGS,
  },
  "lib/actions/two-factor/regenerate-recovery-codes.ts#regenerateRecoveryCodesAction": {
    access: OWN_SIGN_IN_SETTINGS,
    cases: [
      {
        label: "password and a wrong code",
        setup: async (_f, me) => ({
          args: [{ currentPassword: FIXTURE_PASSWORD, code: "000000" }],
          watch: me.userId ? [{ table: "RecoveryCode", where: { userId: me.userId } }] : [],
        }),
      },
    ],
  },
  "lib/actions/two-factor/start-totp-enrolment.ts#startTotpEnrolmentAction": {
    access: TWO_FACTOR_SET_UP,
    cases: [{ label: "the right password", setup: async () => ({ args: [{ currentPassword: FIXTURE_PASSWORD }] }) }],
  },
};

// ---------------------------------------------------------------------------------------------
// Route handlers: "<METHOD> <path pattern>"

const CORE_ROUTES: Record<string, RouteDeclaration> = {
  "GET /api/health": { access: PUBLIC },
  "GET /api/v1/me": { access: signedIn({ pendingApplicant: true }) },
  "POST /api/v1/auth/sign-up": {
    access: PUBLIC,
    cases: [
      {
        label: "a new person",
        setup: async () => {
          const username = `mx${Math.random().toString(36).slice(2, 10)}`;
          return {
            body: {
              username,
              email: `${username}@example.com`,
              firstName: "Matrix",
              lastName: "Person",
              dateOfBirth: "1990-01-01",
              password: FIXTURE_PASSWORD,
              confirmPassword: FIXTURE_PASSWORD,
            },
          };
        },
      },
    ],
  },
  "GET /sign-in/session-ended": { access: PUBLIC },
};

// ---------------------------------------------------------------------------------------------
// Pages: route patterns (route groups left out)

const SIGNED_IN_ELSEWHERE = { allowedRedirects: ["/dashboard"] };

const CORE_PAGES: Record<string, PageDeclaration> = {
  "/": { access: PUBLIC, allowedRedirects: ["/dashboard", "/sign-in"] },
  "/dashboard": { access: perm("dashboard.view") },
  "/board": { access: perm("board.read") },
  "/records": {
    access: perm("customers.read", "staff.read", "products.read", "transactions.read"),
    allowedRedirects: ["/records/"],
  },
  "/logs": { access: perm("audit.read", "audit.manage"), allowedRedirects: ["/logs/"] },
  "/admin": { access: perm("users.read", "roles.read", "users.invite"), allowedRedirects: ["/admin/"] },
  "/admin/users": { access: perm("users.read") },
  "/admin/users/[id]": {
    access: perm("users.read"),
    cases: [
      { label: "a fresh user", setup: async (f) => ({ params: { id: (await f.user()).id } }) },
      {
        label: "a Super Admin",
        setup: async (f) => ({ params: { id: (await f.user({ role: "super_admin", totp: true })).id } }),
      },
      { label: "oneself", setup: async (f, me) => ({ params: { id: me.userId ?? (await f.user()).id } }) },
      // Allowed: 404. Refused: the same 403 as for a real id (no oracle for which ids exist).
      { label: "an id that matches nobody", notFound: true, setup: async () => ({ params: { id: missingId() } }) },
    ],
  },
  "/admin/roles": { access: perm("roles.read") },
  "/admin/roles/new": { access: permNotImpersonating("roles.manage") },
  "/admin/roles/[id]": {
    access: perm("roles.read"),
    cases: [
      {
        label: "a custom role",
        setup: async (f) => ({ params: { id: (await f.role({ permissions: ["board.read"] })).id } }),
      },
      { label: "the Super Admin role", setup: async (f) => ({ params: { id: await f.roleId("super_admin") } }) },
      { label: "an id that matches nobody", notFound: true, setup: async () => ({ params: { id: missingId() } }) },
    ],
  },
  "/admin/invitations": { access: perm("users.invite") },
  "/approvals": { access: perm("staff.approve") },
  "/settings": { access: signedIn(), allowedRedirects: ["/settings/profile"] },
  "/settings/profile": { access: signedIn() },
  "/settings/security": { access: signedIn() },
  "/settings/sessions": { access: signedIn() },

  "/sign-in": { access: PUBLIC, ...SIGNED_IN_ELSEWHERE },
  "/sign-up": { access: PUBLIC, ...SIGNED_IN_ELSEWHERE },
  "/sign-in/two-factor": {
    access: PENDING_SECOND_FACTOR,
    deniedAs: { visitor: "/sign-in", active: "/dashboard", pending_enrolment: "/setup-two-factor" },
  },
  "/setup-two-factor": {
    access: signedIn({ states: ["pending_enrolment", "enrolment_confirmed"], pendingApplicant: true }),
    deniedAs: { visitor: "/sign-in", active: "/settings/security" },
  },
  "/check-email": { access: PUBLIC },
  "/forgot-password": { access: PUBLIC },
  "/reset-password": {
    access: PUBLIC,
    cases: [
      { label: "no token", setup: async () => ({}) },
      {
        label: "a live link",
        setup: async (f) => ({ query: { token: await f.oneTimeToken((await f.user()).id, "password_reset") } }),
      },
    ],
  },
  "/verify-email": {
    access: PUBLIC,
    cases: [
      { label: "no token", setup: async () => ({}) },
      {
        label: "a live link",
        setup: async (f) => {
          const u = await f.user({ verified: false });
          return { query: { token: await f.oneTimeToken(u.id, "email_verification", u.email) } };
        },
      },
    ],
  },
  "/confirm-email-change": {
    access: PUBLIC,
    cases: [
      { label: "no token", setup: async () => ({}) },
      {
        label: "a live link",
        setup: async (f) => ({
          query: { token: await f.oneTimeToken((await f.user()).id, "email_change", uniqueEmail("moved")) },
        }),
      },
    ],
  },
  // An invitation link: the token is the credential; the page shows the form or why it cannot be used.
  "/invite/[token]": {
    access: PUBLIC,
    cases: [
      { label: "a live invitation", setup: async (f) => ({ params: { token: (await f.invitation()).token } }) },
      { label: "a token that matches nothing", setup: async () => ({ params: { token: "x".repeat(43) } }) },
    ],
  },
  "/invite/accepted": { access: PUBLIC },
  // The developer outbox shows a signed-in reader the mail sent to their own address.
  // Never while impersonating: the person's mail holds their reset links.
  "/dev/outbox": { access: signedIn({ impersonation: false }) },
  // Where a staff applicant waits; anyone else fully signed in is sent on to the dashboard.
  "/pending-approval": { access: signedIn({ pendingApplicant: true }), allowedRedirects: ["/dashboard"] },
};

const AREAS: readonly AreaPolicy[] = [
  customersPolicy,
  productsPolicy,
  transactionsPolicy,
  staffRecordsPolicy,
  apiPlatformPolicy,
  directoryApiPolicy,
  boardsApiPolicy,
  boardsLivePolicy,
  boardsUiPolicy,
  logsPolicy,
  auditStreamsPolicy,
  auditIntegrityPolicy,
  analyticsApiPolicy,
  analyticsUiPolicy,
  passkeysPolicy,
  externalSignInPolicy,
];

/** Entries keyed twice would silently replace one another: refuse that at load. */
function merged<T>(core: Record<string, T>, pick: (a: AreaPolicy) => Record<string, T>): Record<string, T> {
  const out: Record<string, T> = { ...core };
  for (const area of AREAS) {
    for (const [key, value] of Object.entries(pick(area) as Record<string, T>)) {
      if (key in out) throw new Error(`authorization matrix: ${key} is declared twice`);
      out[key] = value;
    }
  }
  return out;
}

export const ACTIONS = merged(CORE_ACTIONS, (a) => a.actions);
export const ROUTES = merged(CORE_ROUTES, (a) => a.routes);
export const PAGES = merged(CORE_PAGES, (a) => a.pages);
