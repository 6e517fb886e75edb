// The authorization matrix's fixtures and principals for the page suite (e2e/authz-matrix.spec.ts):
// rows written straight to the e2e server's SQLite database, and session cookies minted in the
// format the server reads (an Auth.js JWE, lib/auth/session-jwt.ts) with the server's own secret,
// so each principal's request meets the real proxy, session check and page.
import { createCipheriv, createHash, hkdfSync, randomBytes, randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { base64url, calculateJwkThumbprint, EncryptJWT } from "jose";
import { PRINCIPAL_SPECS, type PrincipalKind, type SessionState } from "../../test/authz/access";
import {
  FIXTURE_TOTP_SECRET,
  type Fixtures,
  type FixtureUser,
  type Me,
  type UserOptions,
} from "../../test/authz/fixtures";
import { E2E_DATABASE } from "../env";

export const SESSION_COOKIE = "authjs.session-token";

/** The secrets the e2e server runs with: from the environment, else the local file it generated. */
function serverSecrets(): { AUTH_SECRET: string; AUTH_ENCRYPTION_KEY: string } {
  const file = path.resolve("data", "secrets.json");
  const local = existsSync(file)
    ? (JSON.parse(readFileSync(file, "utf8")) as { AUTH_SECRET: string; AUTH_ENCRYPTION_KEY: string })
    : null;
  const AUTH_SECRET = process.env.AUTH_SECRET || local?.AUTH_SECRET;
  const AUTH_ENCRYPTION_KEY = process.env.AUTH_ENCRYPTION_KEY || local?.AUTH_ENCRYPTION_KEY;
  if (!AUTH_SECRET || !AUTH_ENCRYPTION_KEY) throw new Error("no AUTH_SECRET / AUTH_ENCRYPTION_KEY for the e2e server");
  return { AUTH_SECRET, AUTH_ENCRYPTION_KEY };
}

/** A cookie value carrying the raw session token, as lib/auth/session-jwt.ts writes it. */
export async function sessionCookieValue(token: string): Promise<string> {
  const { AUTH_SECRET } = serverSecrets();
  const info = `Auth.js Generated Encryption Key (${SESSION_COOKIE})`;
  const key = new Uint8Array(hkdfSync("sha256", AUTH_SECRET, SESSION_COOKIE, info, 64));
  const kid = await calculateJwkThumbprint({ kty: "oct", k: base64url.encode(key) }, "sha512");
  const now = Math.floor(Date.now() / 1000);
  return new EncryptJWT({ sid: token })
    .setProtectedHeader({ alg: "dir", enc: "A256CBC-HS512", kid })
    .setIssuedAt(now)
    .setExpirationTime(now + 3600)
    .setJti(randomUUID())
    .encrypt(key);
}

/** As lib/auth/crypto.ts encryptSecret: AES-256-GCM, `v1.iv.tag.data`. */
function encryptSecret(plaintext: string): string {
  const key = Buffer.from(serverSecrets().AUTH_ENCRYPTION_KEY, "base64");
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), data]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

const sha256 = (value: string) => createHash("sha256").update(value, "utf8").digest("hex");
const token = () => randomBytes(32).toString("base64url");
const newId = () => `mx${randomUUID().replace(/-/g, "").slice(0, 22)}`;
/** The text form Prisma's SQLite adapter writes (dates are compared as text there). */
const stamp = (d: Date) => d.toISOString().replace("Z", "+00:00");

function withDb<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(E2E_DATABASE.replace(/^file:/, ""), { timeout: 10_000 });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

function roleIdOf(db: Database.Database, key: string): string {
  const row = db.prepare(`SELECT "id" FROM "Role" WHERE "key" = ?`).get(key) as { id: string } | undefined;
  if (!row) throw new Error(`no role ${key} in the e2e database`);
  return row.id;
}

function insertUser(options: UserOptions = {}): FixtureUser {
  const id = newId();
  const username = `mx${randomBytes(5).toString("hex")}`;
  const email = `${username}@example.com`;
  const now = new Date();
  const earlier = stamp(new Date(now.getTime() - 60_000));
  withDb((db) => {
    db.prepare(
      `INSERT INTO "User" ("id", "username", "email", "firstName", "lastName", "dateOfBirth", "passwordHash",
        "emailVerifiedAt", "status", "staffApproval", "staffRequestedAt", "totpSecretEnc", "totpEnabledAt",
        "passwordChangedAt", "createdAt", "updatedAt")
       VALUES (?, ?, ?, 'Matrix', 'Fixture', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      username,
      email,
      stamp(new Date(Date.UTC(1990, 0, 1))),
      // Never signed in with: the pages are reached through minted sessions.
      "$2b$04$matrixfixturenotarealhashmatrixfixturenotarealhas",
      options.verified === false ? null : stamp(now),
      options.status ?? "active",
      options.staffApproval ?? null,
      options.staffApproval ? stamp(now) : null,
      options.totp ? encryptSecret(FIXTURE_TOTP_SECRET) : null,
      options.totp ? stamp(now) : null,
      earlier,
      earlier,
      earlier,
    );
    const role = options.role === undefined ? "user" : options.role;
    if (role) {
      db.prepare(`INSERT INTO "UserRole" ("userId", "roleId", "createdAt") VALUES (?, ?, ?)`).run(
        id,
        roleIdOf(db, role),
        stamp(now),
      );
    }
  });
  return { id, username, email };
}

function insertSession(
  userId: string,
  state: SessionState = "active",
  impersonation?: { impersonatorId: string; impersonatorSessionId: string },
): { id: string; token: string } {
  const id = newId();
  const raw = token();
  const now = new Date();
  const lifetime = impersonation ? 30 * 60_000 : state === "active" ? 12 * 3_600_000 : 15 * 60_000;
  withDb((db) =>
    db
      .prepare(
        `INSERT INTO "Session" ("id", "tokenHash", "userId", "state", "remember", "ipAddress", "userAgent",
          "createdAt", "lastSeenAt", "expiresAt", "impersonatorId", "impersonatorSessionId", "impersonationReason")
         VALUES (?, ?, ?, ?, 0, '203.0.113.60', 'authz-matrix', ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        sha256(raw),
        userId,
        state,
        stamp(now),
        stamp(now),
        stamp(new Date(now.getTime() + lifetime)),
        impersonation?.impersonatorId ?? null,
        impersonation?.impersonatorSessionId ?? null,
        impersonation ? "authorization matrix" : null,
      ),
  );
  return { id, token: raw };
}

const TOKEN_TTL_MS = { email_verification: 24 * 3_600_000, password_reset: 30 * 60_000, email_change: 24 * 3_600_000 };

export const sqliteFixtures: Fixtures = {
  async user(options) {
    return insertUser(options);
  },
  async session(userId, options = {}) {
    return insertSession(userId, options.state);
  },
  async invitation(options = {}) {
    const raw = token();
    const id = newId();
    const email = `inv${randomBytes(5).toString("hex")}@example.com`;
    const now = new Date();
    withDb((db) =>
      db
        .prepare(
          `INSERT INTO "Invitation" ("id", "email", "tokenHash", "roleId", "expiresAt", "lastSentAt", "createdAt")
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id,
          email,
          sha256(raw),
          roleIdOf(db, options.role ?? "user"),
          stamp(new Date(now.getTime() + 7 * 86_400_000)),
          stamp(now),
          stamp(now),
        ),
    );
    return { id, token: raw, email };
  },
  async role(options = {}) {
    const id = newId();
    const key = `mx_role_${randomBytes(5).toString("hex")}`;
    const now = stamp(new Date());
    withDb((db) => {
      db.prepare(
        `INSERT INTO "Role" ("id", "key", "name", "description", "builtIn", "requiresTwoFactor", "createdAt", "updatedAt")
         VALUES (?, ?, ?, '', 0, ?, ?, ?)`,
      ).run(id, key, key, options.requiresTwoFactor ? 1 : 0, now, now);
      for (const p of options.permissions ?? []) {
        db.prepare(
          `INSERT INTO "RolePermission" ("roleId", "permissionId") SELECT ?, "id" FROM "Permission" WHERE "key" = ?`,
        ).run(id, p);
      }
    });
    return { id, key };
  },
  async roleId(key) {
    return withDb((db) => roleIdOf(db, key));
  },
  async oneTimeToken(userId, purpose, data) {
    const raw = token();
    const now = new Date();
    withDb((db) =>
      db
        .prepare(
          `INSERT INTO "OneTimeToken" ("id", "tokenHash", "purpose", "userId", "data", "expiresAt", "createdAt")
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          newId(),
          sha256(raw),
          purpose,
          userId,
          data ?? null,
          stamp(new Date(now.getTime() + TOKEN_TTL_MS[purpose])),
          stamp(now),
        ),
    );
    return raw;
  },
};

export type E2ePrincipal = Me & { cookie: string | null };

/** A fresh principal of `kind` in the e2e database, with its cookie value. */
export async function makeE2ePrincipal(kind: PrincipalKind): Promise<E2ePrincipal> {
  const s = PRINCIPAL_SPECS[kind];
  if (!s.state) return { kind, userId: null, sessionId: null, email: null, impersonatorId: null, cookie: null };
  const account = insertUser({
    role: s.role,
    verified: s.verified,
    totp: s.totp,
    staffApproval: s.staffApproval,
    status: s.status,
  });
  if (s.customPermissions) {
    const custom = await sqliteFixtures.role({ permissions: s.customPermissions });
    withDb((db) =>
      db
        .prepare(`INSERT INTO "UserRole" ("userId", "roleId", "createdAt") VALUES (?, ?, ?)`)
        .run(account.id, custom.id, stamp(new Date())),
    );
  }
  if (s.impersonatorRole) {
    const admin = insertUser({ role: s.impersonatorRole, totp: true });
    const own = insertSession(admin.id);
    const session = insertSession(account.id, "active", { impersonatorId: admin.id, impersonatorSessionId: own.id });
    return {
      kind,
      userId: account.id,
      sessionId: session.id,
      email: account.email,
      impersonatorId: admin.id,
      cookie: await sessionCookieValue(session.token),
    };
  }
  const session = insertSession(account.id, s.state);
  return {
    kind,
    userId: account.id,
    sessionId: session.id,
    email: account.email,
    impersonatorId: null,
    cookie: await sessionCookieValue(session.token),
  };
}
