// The matrix's fixtures and principals for the integration suite: rows written through Prisma,
// sessions through lib/auth/sessions.ts createSession, cookies through the real cookie writer
// (lib/auth/session-jwt.ts), so a principal's request goes through the same code as a browser's.
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { encryptSecret, randomToken, sha256 } from "@/lib/auth/crypto";
import { SESSION_COOKIE } from "@/lib/auth/cookie";
import { hashPassword } from "@/lib/auth/password";
import { createSession, validateSessionToken } from "@/lib/auth/sessions";
import { writeSessionJwt } from "@/lib/auth/session-jwt";
import { TOKEN_PURPOSES } from "@/lib/auth/one-time-tokens";
import { PRINCIPAL_SPECS, type PrincipalKind } from "@/test/authz/access";
import {
  FIXTURE_PASSWORD,
  FIXTURE_TOTP_SECRET,
  type Fixtures,
  type FixtureUser,
  type Me,
  type UserOptions,
  type Watch,
} from "@/test/authz/fixtures";

let passwordHash: Promise<string> | undefined;
const roleIds = new Map<string, string>();

async function roleId(key: string): Promise<string> {
  let id = roleIds.get(key);
  if (!id) {
    id = (await db.role.findUniqueOrThrow({ where: { key }, select: { id: true } })).id;
    roleIds.set(key, id);
  }
  return id;
}

const unique = (prefix: string) => `${prefix}${randomBytes(5).toString("hex")}`;

async function user(options: UserOptions = {}): Promise<FixtureUser> {
  const username = unique("mx");
  const role = options.role === undefined ? "user" : options.role;
  const now = new Date();
  const created = await db.user.create({
    data: {
      username,
      email: `${username}@example.com`,
      firstName: "Matrix",
      lastName: "Fixture",
      dateOfBirth: new Date(Date.UTC(1990, 0, 1)),
      passwordHash: await (passwordHash ??= hashPassword(FIXTURE_PASSWORD)),
      // A moment ago, so a session made now is not "older than the password".
      passwordChangedAt: new Date(now.getTime() - 60_000),
      emailVerifiedAt: options.verified === false ? null : now,
      status: options.status ?? "active",
      staffApproval: options.staffApproval ?? null,
      staffRequestedAt: options.staffApproval ? now : null,
      totpSecretEnc: options.totp ? encryptSecret(FIXTURE_TOTP_SECRET) : null,
      totpEnabledAt: options.totp ? now : null,
      ...(role ? { roles: { create: { roleId: await roleId(role) } } } : {}),
    },
    select: { id: true, username: true, email: true },
  });
  return created;
}

export const prismaFixtures: Fixtures = {
  user,
  async session(userId, options = {}) {
    const s = await createSession({
      userId,
      remember: false,
      state: options.state,
      ip: "203.0.113.50",
      userAgent: "authz-matrix",
    });
    return { id: s.sessionId, token: s.token };
  },
  async invitation(options = {}) {
    const token = randomToken();
    const email = `${unique("inv")}@example.com`;
    const row = await db.invitation.create({
      data: {
        email,
        tokenHash: sha256(token),
        roleId: await roleId(options.role ?? "user"),
        expiresAt: new Date(Date.now() + 7 * 86_400_000),
      },
      select: { id: true },
    });
    return { id: row.id, token, email };
  },
  async role(options = {}) {
    const key = unique("mx_role_");
    const permissions = options.permissions ?? [];
    const row = await db.role.create({
      data: {
        key,
        name: key,
        requiresTwoFactor: options.requiresTwoFactor ?? false,
        permissions: {
          create: await Promise.all(
            permissions.map(async (p) => ({
              permissionId: (await db.permission.findUniqueOrThrow({ where: { key: p }, select: { id: true } })).id,
            })),
          ),
        },
      },
      select: { id: true, key: true },
    });
    return row;
  },
  roleId,
  async oneTimeToken(userId, purpose, data) {
    const token = randomToken();
    await db.oneTimeToken.create({
      data: {
        tokenHash: sha256(token),
        purpose,
        userId,
        data: data ?? null,
        expiresAt: new Date(Date.now() + TOKEN_PURPOSES[purpose].ttlMs),
      },
    });
    return token;
  },
};

export type MadePrincipal = Me & { cookie: string | null };

async function cookieFor(token: string): Promise<string> {
  return writeSessionJwt(token, 3600, SESSION_COOKIE);
}

/** A fresh principal of `kind`: its account(s), its session and its cookie value. */
export async function makePrincipal(kind: PrincipalKind): Promise<MadePrincipal> {
  const s = PRINCIPAL_SPECS[kind];
  if (!s.state) return { kind, userId: null, sessionId: null, email: null, impersonatorId: null, cookie: null };
  const account = await user({
    role: s.role,
    verified: s.verified,
    totp: s.totp,
    staffApproval: s.staffApproval,
    status: s.status,
  });
  if (s.customPermissions) {
    const custom = await prismaFixtures.role({ permissions: s.customPermissions });
    await db.userRole.create({ data: { userId: account.id, roleId: custom.id } });
  }
  if (s.impersonatorRole) {
    const admin = await user({ role: s.impersonatorRole, totp: true });
    const own = await prismaFixtures.session(admin.id);
    const token = randomToken();
    const row = await db.session.create({
      data: {
        tokenHash: sha256(token),
        userId: account.id,
        state: "active",
        ipAddress: "203.0.113.51",
        userAgent: "authz-matrix",
        expiresAt: new Date(Date.now() + 30 * 60_000),
        impersonatorId: admin.id,
        impersonatorSessionId: own.id,
        impersonationReason: "authorization matrix",
      },
      select: { id: true },
    });
    return {
      kind,
      userId: account.id,
      sessionId: row.id,
      email: account.email,
      impersonatorId: admin.id,
      cookie: await cookieFor(token),
    };
  }
  const session = await prismaFixtures.session(account.id, { state: s.state });
  // A banned account's session is reaped on first sight; do it now, so that the refused call
  // under test is not the one that deletes it (the matrix checks refused calls write nothing).
  if (s.status === "banned") await validateSessionToken(session.token);
  return {
    kind,
    userId: account.id,
    sessionId: session.id,
    email: account.email,
    impersonatorId: null,
    cookie: await cookieFor(session.token),
  };
}

type Delegate = { findMany(args: { where: Record<string, string> }): Promise<Record<string, unknown>[]> };
const DELEGATES: Record<Watch["table"], Delegate> = {
  User: db.user as unknown as Delegate,
  Session: db.session as unknown as Delegate,
  UserRole: db.userRole as unknown as Delegate,
  Role: db.role as unknown as Delegate,
  RolePermission: db.rolePermission as unknown as Delegate,
  Invitation: db.invitation as unknown as Delegate,
  OneTimeToken: db.oneTimeToken as unknown as Delegate,
  RecoveryCode: db.recoveryCode as unknown as Delegate,
};

/** Columns that change by merely being looked at. */
const VOLATILE = new Set(["lastSeenAt"]);

/** The watched rows as comparable text. */
export async function snapshot(watch: readonly Watch[]): Promise<string[]> {
  return Promise.all(
    watch.map(async (w) => {
      const rows = await DELEGATES[w.table].findMany({ where: w.where });
      const clean = rows
        .map((r) =>
          JSON.stringify(
            Object.fromEntries(
              Object.entries(r)
                .filter(([k]) => !VOLATILE.has(k))
                .sort(),
            ),
          ),
        )
        .sort();
      return `${w.table} ${JSON.stringify(w.where)}: ${clean.length} row(s) ${clean.join(" ")}`;
    }),
  );
}

/** Row counts of the tables an endpoint could write: a refused call must not change any. */
export async function tableCounts(): Promise<Record<string, number>> {
  const [users, sessions, userRoles, roles, rolePermissions, invitations, tokens, recovery, audit, mail] =
    await Promise.all([
      db.user.count(),
      db.session.count(),
      db.userRole.count(),
      db.role.count(),
      db.rolePermission.count(),
      db.invitation.count(),
      db.oneTimeToken.count(),
      db.recoveryCode.count(),
      db.auditEvent.count(),
      db.emailOutbox.count(),
    ]);
  return { users, sessions, userRoles, roles, rolePermissions, invitations, tokens, recovery, audit, mail };
}
