// The vocabulary of the authorization matrix (test/authz/access-policy.ts): what an endpoint
// requires, who the principals are, and which of them the declaration says may use it. Pure data:
// imported by the integration suite (actions, route handlers) and the Playwright suite (pages).
import { BUILT_IN_ROLES } from "../../lib/rbac/built-in-roles";
import { PERMISSIONS, type Permission } from "../../lib/rbac/permissions";

export type SessionState = "active" | "pending_second_factor" | "pending_enrolment" | "enrolment_confirmed";

export type Access =
  /**
   * Anyone, signed in or not (sign-in, sign-up, email links, health); `impersonation`: whether an
   * impersonation session may too (confirming an email change from one may not).
   */
  | { kind: "public"; impersonation: boolean }
  /**
   * Any viewer whose session is in one of `states` (normally only "active": fully signed in),
   * whatever their permissions. `pendingApplicant`: whether a staff applicant waiting for approval
   * may use it too; `impersonation`: whether an impersonation session may (passwords, 2FA, email
   * and roles stay the account holder's own business).
   */
  | {
      kind: "signed-in";
      states: readonly SessionState[];
      pendingApplicant: boolean;
      impersonation: boolean;
      /** Whether an account with an unverified address may (setting up 2FA may not). */
      unverified: boolean;
      /** A further rule of the endpoint, e.g. "not while a role requires 2FA" for turning 2FA off. */
      condition?: { label: string; holds: (p: PrincipalFacts) => boolean };
    }
  /**
   * A fully signed-in viewer holding any one of `anyOf` and, when given, every one of `andAllOf`
   * (e.g. "everything the target account holds": nobody manages an account holding more).
   */
  | { kind: "permission"; anyOf: readonly Permission[]; andAllOf: readonly Permission[]; impersonation: boolean }
  /** Nobody: e.g. acting on another user's session through an own-account action. */
  | { kind: "nobody" };

export const PUBLIC: Access = { kind: "public", impersonation: true };
/** Public, but refused to an impersonation session. */
export const PUBLIC_NOT_IMPERSONATING: Access = { kind: "public", impersonation: false };
export const NOBODY: Access = { kind: "nobody" };

export function signedIn(
  options: {
    states?: readonly SessionState[];
    pendingApplicant?: boolean;
    impersonation?: boolean;
    unverified?: boolean;
    condition?: { label: string; holds: (p: PrincipalFacts) => boolean };
  } = {},
): Access {
  return {
    kind: "signed-in",
    states: options.states ?? ["active"],
    pendingApplicant: options.pendingApplicant ?? false,
    impersonation: options.impersonation ?? true,
    unverified: options.unverified ?? true,
    ...(options.condition ? { condition: options.condition } : {}),
  };
}

/** Own-account business (profile, sessions, sign-out): a staff applicant manages their own account too. */
export const OWN_ACCOUNT = signedIn({ pendingApplicant: true });
/** Own-account sign-in settings: never from an impersonation session (lib/auth/assert-not-impersonating.ts). */
export const OWN_SIGN_IN_SETTINGS = signedIn({ pendingApplicant: true, impersonation: false });
/** The second-factor step of a sign-in. */
export const PENDING_SECOND_FACTOR = signedIn({ states: ["pending_second_factor"], pendingApplicant: true });

export function perm(...anyOf: [Permission, ...Permission[]]): Access {
  return { kind: "permission", anyOf, andAllOf: [], impersonation: true };
}

/** `anyOf` and also every permission of `target` (managing an account never reaches one holding more). */
export function permOver(anyOf: readonly Permission[], target: readonly Permission[]): Access {
  return { kind: "permission", anyOf, andAllOf: target, impersonation: true };
}

/** A permission that an impersonation session never has, whatever the impersonated user holds. */
export function permNotImpersonating(...anyOf: [Permission, ...Permission[]]): Access {
  return { kind: "permission", anyOf, andAllOf: [], impersonation: false };
}

export function describeAccess(access: Access): string {
  switch (access.kind) {
    case "public":
      return `public${access.impersonation ? "" : " (not impersonating)"}`;
    case "nobody":
      return "nobody";
    case "signed-in":
      return [
        `signed-in ${access.states.join("|")}`,
        access.pendingApplicant ? " (incl. applicants)" : "",
        access.impersonation ? "" : " (not impersonating)",
        access.unverified ? "" : " (verified)",
        access.condition ? ` (${access.condition.label})` : "",
      ].join("");
    case "permission":
      return `${access.anyOf.join(" | ")}${access.andAllOf.length ? ` + ${access.andAllOf.length} held by the target` : ""}${access.impersonation ? "" : " (not impersonating)"}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Principals

export const PRINCIPAL_KINDS = [
  "visitor",
  "super_admin",
  "admin",
  "manager",
  "staff",
  "user",
  "pending_applicant",
  "unverified_manager",
  "pending_second_factor",
  "pending_enrolment",
  "impersonating_admin",
  "banned_user",
  "custom_role_member",
] as const;

export type PrincipalKind = (typeof PRINCIPAL_KINDS)[number];

/** How a principal is made (each fixture implementation turns this into rows and a cookie). */
export type PrincipalSpec = {
  kind: PrincipalKind;
  /** The built-in role of the account the session belongs to (the impersonated user's, when impersonating). */
  role: string | null;
  verified: boolean;
  /** TOTP set up (Super Admin and Admin require it; their sessions are then fully active). */
  totp: boolean;
  state: SessionState | null;
  staffApproval: "pending" | null;
  /** The built-in role of the admin acting as the account. */
  impersonatorRole: string | null;
  /** A banned account's session is over: it is a visitor holding a cookie. */
  status: "active" | "banned";
  /** Instead of a built-in role: one custom role granting exactly these. */
  customPermissions: readonly Permission[] | null;
};

export const PRINCIPAL_SPECS: Record<PrincipalKind, PrincipalSpec> = {
  visitor: spec("visitor", null, { state: null }),
  super_admin: spec("super_admin", "super_admin", { totp: true }),
  admin: spec("admin", "admin", { totp: true }),
  manager: spec("manager", "manager"),
  staff: spec("staff", "staff"),
  user: spec("user", "user"),
  // Signed up asking for a staff account: the User role, but no permission until approved.
  pending_applicant: spec("pending_applicant", "user", { staffApproval: "pending" }),
  // A Manager whose address is unverified: loses every needsVerifiedEmail permission.
  unverified_manager: spec("unverified_manager", "manager", { verified: false }),
  // An Admin whose password was accepted but whose code was not yet given: holds nothing.
  pending_second_factor: spec("pending_second_factor", "admin", { totp: true, state: "pending_second_factor" }),
  // Granted Admin (requires 2FA) without 2FA set up: held back for enrolment, holds nothing.
  pending_enrolment: spec("pending_enrolment", "admin", { state: "pending_enrolment" }),
  // An Admin acting as a plain User: the User's permissions, and impersonation restrictions.
  impersonating_admin: spec("impersonating_admin", "user", { impersonatorRole: "admin" }),
  // A Manager banned after signing in: the cookie still decodes, the session is over.
  banned_user: spec("banned_user", "manager", { status: "banned" }),
  // Only a custom role (made in the admin console) granting analytics and the board, nothing else:
  // not even dashboard.view, which every built-in role has.
  custom_role_member: spec("custom_role_member", null, { customPermissions: ["analytics.read", "board.read"] }),
};

function spec(kind: PrincipalKind, role: string | null, overrides: Partial<PrincipalSpec> = {}): PrincipalSpec {
  return {
    kind,
    role,
    verified: true,
    totp: false,
    state: "active",
    staffApproval: null,
    impersonatorRole: null,
    status: "active",
    customPermissions: null,
    ...overrides,
  };
}

export type PrincipalFacts = {
  kind: PrincipalKind;
  signedIn: boolean;
  state: SessionState | null;
  pendingApplicant: boolean;
  impersonating: boolean;
  verified: boolean;
  /** A role of the account requires 2FA (Super Admin, Admin as seeded). */
  roleRequiresTwoFactor: boolean;
  /** What the principal should hold, derived here from the built-in role table and the rules. */
  permissions: ReadonlySet<Permission>;
};

/** The permissions a principal should hold, computed independently of lib/auth/viewer.ts. */
export function principalFacts(kind: PrincipalKind): PrincipalFacts {
  const s = PRINCIPAL_SPECS[kind];
  const role = s.role ? BUILT_IN_ROLES.find((r) => r.key === s.role) : undefined;
  if (s.role && !role) throw new Error(`unknown built-in role ${s.role}`);
  const state = s.status === "banned" ? null : s.state;
  const holds = state === "active" && s.staffApproval !== "pending";
  const permissions = new Set<Permission>(
    holds
      ? (s.customPermissions ?? role?.permissions ?? []).filter((p) => s.verified || !PERMISSIONS[p].needsVerifiedEmail)
      : [],
  );
  return {
    kind,
    signedIn: state !== null,
    state,
    pendingApplicant: s.staffApproval === "pending",
    impersonating: s.impersonatorRole !== null,
    verified: s.verified,
    roleRequiresTwoFactor: role?.requiresTwoFactor ?? false,
    permissions,
  };
}

export type Verdict = "allow" | "deny";

/** What the declaration says this principal gets. */
export function expectedVerdict(access: Access, p: PrincipalFacts): Verdict {
  switch (access.kind) {
    case "public":
      return p.impersonating && !access.impersonation ? "deny" : "allow";
    case "nobody":
      return "deny";
    case "signed-in":
      if (!p.state || !access.states.includes(p.state)) return "deny";
      if (p.pendingApplicant && !access.pendingApplicant) return "deny";
      if (p.impersonating && !access.impersonation) return "deny";
      if (!p.verified && !access.unverified) return "deny";
      if (access.condition && !access.condition.holds(p)) return "deny";
      return "allow";
    case "permission":
      if (p.state !== "active") return "deny";
      if (p.impersonating && !access.impersonation) return "deny";
      if (!access.andAllOf.every((perm) => p.permissions.has(perm))) return "deny";
      return access.anyOf.some((perm) => p.permissions.has(perm)) ? "allow" : "deny";
  }
}
