// Server-side, revocable sessions. The browser holds a random token inside the Auth.js cookie; the
// Session row keeps only its SHA-256. Every request re-checks the row: deleted, expired, idle too
// long, user banned, or password changed since the session began → no session.
import "server-only";
import { db, type Db, type Tx } from "@/lib/db";
import { rawRead } from "@/lib/db-raw";
import { ACCESS_VERSION_SQL, accessVersionOf, userAccess, type UserAccess } from "@/lib/auth/user-access";
import { env } from "@/lib/env";
import { randomToken, sha256 } from "@/lib/auth/crypto";

/**
 * active: full session. pending_second_factor: password accepted, code not yet given.
 * pending_enrolment: password accepted, a role requires 2FA that is not set up.
 * enrolment_confirmed: this very session set 2FA up; released once the recovery codes were seen.
 */
export type SessionState = "active" | "pending_second_factor" | "pending_enrolment" | "enrolment_confirmed";

/** A half-finished sign-in lives at most this long. */
export const PENDING_SESSION_MS = 15 * 60_000;

const TOUCH_INTERVAL_MS = 60_000;

export function sessionLifetimeMs(remember: boolean): number {
  return remember ? env.SESSION_REMEMBER_DAYS * 86_400_000 : env.SESSION_SHORT_HOURS * 3_600_000;
}

type NewSession = {
  userId: string;
  remember: boolean;
  state?: SessionState;
  /** "password" (default), "passkey" or "provider:<id>"; shown on the sessions page. */
  signInMethod?: string;
  ip: string | null;
  userAgent: string | null;
  /** Write the row in this transaction (a sign-in whose checks and audit commit with it). */
  tx?: Tx;
};

type CreatedSession = { token: string; sessionId: string; expiresAt: Date };

/** The password state a sign-in checked: the hash it compared, its change stamp, and when it read them. */
export type VerifiedPassword = { passwordHash: string; passwordChangedAt: Date; checkedAt: Date };

/**
 * Opens a session. A sign-in passes the password state it verified: the session is written only if
 * the user row still holds exactly that state (and the account is active), in one transaction
 * whose conditional UPDATE locks the row, so a reset or change that commits while bcrypt was busy
 * leaves no session behind (null is returned). The same UPDATE records the sign-in time. The
 * session is stamped with the moment of the check, never later: whatever change is stamped after
 * the check also ends it through the `passwordChangedAt > createdAt` rule. Without `verifiedPassword`
 * (passkey and provider sign-ins, which check the account in their own transaction and pass it as
 * `tx`; tests that need a session of a user) the row is written unconditionally.
 */
export async function createSession(input: NewSession): Promise<CreatedSession>;
export async function createSession(
  input: NewSession & { verifiedPassword: VerifiedPassword },
): Promise<CreatedSession | null>;
export async function createSession(
  input: NewSession & { verifiedPassword?: VerifiedPassword },
): Promise<CreatedSession | null> {
  const token = randomToken();
  const state = input.state ?? "active";
  const now = Date.now();
  const expiresAt = new Date(now + (state === "active" ? sessionLifetimeMs(input.remember) : PENDING_SESSION_MS));
  const data = {
    tokenHash: sha256(token),
    userId: input.userId,
    remember: input.remember,
    state,
    signInMethod: input.signInMethod ?? "password",
    ipAddress: input.ip,
    userAgent: input.userAgent,
    expiresAt,
  };
  const verified = input.verifiedPassword;
  if (!verified) {
    const row = await (input.tx ?? db).session.create({ data, select: { id: true } });
    return { token, sessionId: row.id, expiresAt };
  }
  // Not before the password it proved either (the database may stamp a new account's
  // passwordChangedAt with a clock slightly ahead of this one).
  const createdAt = new Date(Math.max(verified.checkedAt.getTime(), verified.passwordChangedAt.getTime()));
  return db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: {
        id: input.userId,
        status: "active",
        passwordHash: verified.passwordHash,
        passwordChangedAt: verified.passwordChangedAt,
      },
      data: { lastSignInAt: new Date(now) },
    });
    if (count !== 1) return null;
    const row = await tx.session.create({
      data: { ...data, createdAt, lastSeenAt: new Date(now) },
      select: { id: true },
    });
    return { token, sessionId: row.id, expiresAt };
  });
}

const sessionUserSelect = {
  id: true,
  username: true,
  email: true,
  firstName: true,
  lastName: true,
  status: true,
  emailVerifiedAt: true,
  passwordChangedAt: true,
  totpEnabledAt: true,
  staffApproval: true,
  kind: true,
} as const;

const sessionUserKeys = Object.keys(sessionUserSelect) as (keyof typeof sessionUserSelect)[];
type SessionUser = Pick<Awaited<ReturnType<Db["user"]["findUniqueOrThrow"]>>, keyof typeof sessionUserSelect>;

export type ValidSession = {
  id: string;
  state: string;
  remember: boolean;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  /** Set when an admin is acting as this user (lib/data/impersonation). */
  impersonatorId: string | null;
  impersonatorSessionId: string | null;
  user: SessionUser;
  /** The user's role ids as of the user row read with the session (an assignment counts on the next request). */
  roleIds: readonly string[];
  /** AccessVersion.version at the same moment: which state of roles the role cache must reflect. */
  accessVersion: number;
  /** The user's passkeys (each counts as a second factor), read with the session. */
  passkeyCount: number;
};

type SessionRow = Omit<ValidSession, "user" | "roleIds" | "accessVersion" | "passkeyCount"> & { userId: string };
type UserRow = { [K in keyof SessionUser as `user_${K}`]: SessionUser[K] } & {
  userVersion: number | bigint;
  accessVersion: number | bigint | null;
};

// The reads of a signed-in request: the session, then its user by primary key with the user's
// record version and the access version (one statement, so they agree). Raw SQL because it runs on every request and the query
// builder's overhead is several times the queries' own cost (npm run bench:http); two single-row
// index reads because SQLite answers them in a quarter of the CPU time of the same join (~25 vs
// ~95 µs here). The user's role ids and passkey count come from lib/auth/user-access.ts by that
// version (a third small query only when they changed). The column list is sessionUserSelect.
const userColumns = sessionUserKeys.map((k) => `u."${k}" AS "user_${k}"`).join(", ");
const SESSION_QUERY = `SELECT s."id", s."state", s."remember", s."createdAt", s."lastSeenAt", s."expiresAt",
  s."impersonatorId", s."impersonatorSessionId", s."userId"
  FROM "Session" s WHERE s."tokenHash" = ?`;
const SESSION_USER_QUERY = `SELECT ${userColumns}, u."version" AS "userVersion", ${ACCESS_VERSION_SQL} AS "accessVersion"
  FROM "User" u WHERE u."id" = ?`;

function fromRow(row: SessionRow, userRow: UserRow, access: UserAccess): ValidSession {
  const user = {} as Record<string, unknown>;
  for (const key of sessionUserKeys) {
    const value = userRow[`user_${key}` as keyof UserRow];
    // A column the driver did not return must not read as "verified" or "2FA on".
    if (value === undefined) throw new Error(`session query returned no ${key}`);
    user[key] = value;
  }
  return {
    id: row.id,
    state: row.state,
    remember: Boolean(row.remember),
    createdAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    expiresAt: row.expiresAt,
    impersonatorId: row.impersonatorId ?? null,
    impersonatorSessionId: row.impersonatorSessionId ?? null,
    user: user as SessionUser,
    roleIds: access.roleIds,
    // Of the same moment as the role ids (lib/auth/user-access.ts); -1 (no version row) matches no
    // cached state, so the role cache reloads on every request instead of trusting what it holds.
    accessVersion: access.accessVersion,
    passkeyCount: access.passkeyCount,
  };
}

/**
 * Whether a session row counts as signed out: past its absolute end, idle too long, its user
 * banned or a service account (which owns API keys and never signs in), or its password changed
 * since it began. The one rule, for the session of a request and for an impersonating admin's own
 * session (lib/auth/viewer.ts).
 */
export function isSessionOver(
  session: { expiresAt: Date; lastSeenAt: Date; createdAt: Date },
  user: { status: string; passwordChangedAt: Date; kind?: string },
  now = Date.now(),
): boolean {
  const times = [session.expiresAt, session.lastSeenAt, session.createdAt, user.passwordChangedAt];
  return (
    // An unreadable date must end the session, not pass every comparison.
    times.some((t) => !Number.isFinite(t.getTime())) ||
    (user.kind !== undefined && user.kind !== "person") ||
    session.expiresAt.getTime() <= now ||
    now - session.lastSeenAt.getTime() > env.SESSION_IDLE_MINUTES * 60_000 ||
    user.status === "banned" ||
    user.passwordChangedAt.getTime() > session.createdAt.getTime()
  );
}

/** The live session behind a raw token, or null. Expired and orphaned rows are deleted on sight. */
export async function validateSessionToken(token: string): Promise<ValidSession | null> {
  if (!token || token.length > 128) return null;
  const [row] = await rawRead<SessionRow>(SESSION_QUERY, [sha256(token)]);
  if (!row) return null;
  const [userRow] = await rawRead<UserRow>(SESSION_USER_QUERY, [row.userId]);
  // Deleted since (its sessions go with it): signed out.
  if (!userRow) return null;
  const access = await userAccess(row.userId, Number(userRow.userVersion), accessVersionOf(userRow.accessVersion));
  const session = fromRow(row, userRow, access);
  const now = Date.now();
  if (isSessionOver(session, session.user, now)) {
    await db.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (now - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.session.updateMany({ where: { id: session.id }, data: { lastSeenAt: new Date(now) } });
  }
  return session;
}

export async function deleteSessionByToken(token: string): Promise<{ userId: string; id: string } | null> {
  const row = await db.session.findUnique({ where: { tokenHash: sha256(token) }, select: { id: true, userId: true } });
  if (!row) return null;
  await db.session.deleteMany({ where: { id: row.id } });
  return row;
}

/** Removes sessions past their absolute or idle limit. */
export async function pruneExpiredSessions(): Promise<number> {
  const now = new Date();
  const idleCutoff = new Date(now.getTime() - env.SESSION_IDLE_MINUTES * 60_000);
  const { count } = await db.session.deleteMany({
    where: { OR: [{ expiresAt: { lte: now } }, { lastSeenAt: { lt: idleCutoff } }] },
  });
  return count;
}

/**
 * Replaces a session with a fresh one (new token, new row, same device) in the given state. Used
 * when a session gains privileges (second factor done: its lifetime counts from the password
 * check) or after a password change (same absolute expiry), so a token seen before the change is
 * worthless after it. Pass `tx` to make the rotation part of the caller's transaction.
 *
 * The new session is never newer than the password state the old one proved: it keeps the old
 * start, so a reset that commits around the rotation still ends it, and a session whose password
 * changed since it began is not rotated at all. A password change that rotates its own session
 * passes `passwordChangedAt` (the stamp it just wrote): that session proves the new password and
 * starts at that instant.
 */
export async function rotateSession(
  sessionId: string,
  state: SessionState,
  tx?: Tx,
  options: { passwordChangedAt?: Date } = {},
): Promise<{ token: string; remember: boolean } | null> {
  if (!tx) return db.$transaction((t) => rotateSession(sessionId, state, t, options));
  const old = await tx.session.findUnique({
    where: { id: sessionId },
    include: { user: { select: { passwordChangedAt: true } } },
  });
  // An impersonation session never turns into something else (every path that rotates is closed to
  // it already; this is the second line).
  if (!old || old.impersonatorId) return null;
  // Deleting takes the row's lock: if a sign-out or reset ended the session meanwhile, nothing is
  // deleted and nothing is minted.
  const { count } = await tx.session.deleteMany({ where: { id: sessionId } });
  if (count !== 1) return null;
  const proven = options.passwordChangedAt ?? old.createdAt;
  if (!options.passwordChangedAt && old.user.passwordChangedAt.getTime() > old.createdAt.getTime()) return null;
  const token = randomToken();
  const now = Date.now();
  await tx.session.create({
    data: {
      tokenHash: sha256(token),
      userId: old.userId,
      state,
      remember: old.remember,
      // The same sign-in continues: how it began stays on record (the sessions page, forensics).
      signInMethod: old.signInMethod,
      ipAddress: old.ipAddress,
      userAgent: old.userAgent,
      // A half-finished session gets its full life, counted from the password check it rests on: a
      // session held back for enrolment long after it began keeps its original end.
      expiresAt: old.state === "active" ? old.expiresAt : new Date(proven.getTime() + sessionLifetimeMs(old.remember)),
      createdAt: proven,
      lastSeenAt: new Date(now),
    },
  });
  return { token, remember: old.remember };
}
