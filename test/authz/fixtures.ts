// What the matrix's argument factories may ask for: throwaway rows, so that an allowed call acts on
// a target made for it and never on a principal. Two implementations: Prisma for the integration
// suite (test/authz/prisma-fixtures.ts) and better-sqlite3 on the e2e database for the page suite
// (e2e/support/authz-fixtures.ts).
import type { Permission } from "../../lib/rbac/permissions";
import type { PrincipalKind, SessionState } from "./access";

/** Password of every account the fixtures make. */
export const FIXTURE_PASSWORD = "matrix fixture password 1!";
/** A base32 TOTP secret for accounts made with 2FA. */
export const FIXTURE_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

export type FixtureUser = { id: string; username: string; email: string };

export type UserOptions = {
  /** Built-in role key (default "user"); null for no role at all. */
  role?: string | null;
  verified?: boolean;
  totp?: boolean;
  staffApproval?: "pending" | "approved" | "rejected" | null;
  status?: "active" | "banned";
};

/** Tables whose rows a refused call must leave exactly as they were. */
export type WatchedTable =
  | "User"
  | "Session"
  | "UserRole"
  | "Role"
  | "RolePermission"
  | "Invitation"
  | "OneTimeToken"
  | "RecoveryCode";

/** Rows to compare before and after a refused call: `table` rows matching every `where` column. */
export type Watch = { table: WatchedTable; where: Record<string, string> };

export interface Fixtures {
  user(options?: UserOptions): Promise<FixtureUser>;
  /** A session row of `userId` (active unless told), with its raw token. */
  session(userId: string, options?: { state?: SessionState }): Promise<{ id: string; token: string }>;
  /** A pending invitation (role "user" unless told) with its raw token. */
  invitation(options?: { role?: string }): Promise<{ id: string; token: string; email: string }>;
  /** A custom role granting `permissions` (none unless told). */
  role(options?: {
    permissions?: readonly Permission[];
    requiresTwoFactor?: boolean;
  }): Promise<{ id: string; key: string }>;
  roleId(key: string): Promise<string>;
  /** A live one-time token of `purpose` for `userId`; returns the raw token. */
  oneTimeToken(
    userId: string,
    purpose: "email_verification" | "password_reset" | "email_change",
    data?: string,
  ): Promise<string>;
}

/** The principal a cell runs as, as the factories see it (ids are null for the visitor). */
export type Me = {
  kind: PrincipalKind;
  userId: string | null;
  sessionId: string | null;
  email: string | null;
  /** For an impersonation session: the admin behind it. */
  impersonatorId: string | null;
};

/** A random id that matches no row (cuid-shaped). */
export function missingId(): string {
  return `cmissing${Math.random().toString(36).slice(2, 14).padEnd(12, "0")}`;
}

/** Rows of a user that a refused admin action must leave alone. */
export function watchUser(userId: string): Watch[] {
  return [
    { table: "User", where: { id: userId } },
    { table: "Session", where: { userId } },
    { table: "UserRole", where: { userId } },
    { table: "RecoveryCode", where: { userId } },
  ];
}
