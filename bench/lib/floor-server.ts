// The floor for `npm run bench:http`: the least a signed-in JSON request can cost on this machine.
// Raw node:http + better-sqlite3 on the app's own database file, doing what GET /api/v1/me does
// for a session: read the session cookie (the same code the app uses, key derived once), hash the
// token, one query for the session with its user and role ids, the same liveness checks, a JSON
// answer. No framework, no ORM, no permissions. Started by bench/http.ts with the app's env.
import http from "node:http";
import Database from "better-sqlite3";
import { loadLocalSecrets } from "@/scripts/lib/local-secrets";

// The same secrets as the app (scripts/start.ts loads them the same way), so the cookie reads here.
loadLocalSecrets();

const { readSessionJwt } = await import("@/lib/auth/session-jwt");
const { SESSION_COOKIE } = await import("@/lib/auth/cookie");
const { sha256 } = await import("@/lib/auth/crypto");

const file = (process.env.DATABASE_URL ?? "").replace(/^file:/, "");
const port = Number(process.env.FLOOR_PORT);
const db = new Database(file, { fileMustExist: true });
db.pragma("journal_mode = WAL");
const lookup = db.prepare(`
  SELECT s."id", s."state", s."createdAt", s."lastSeenAt", s."expiresAt",
         u."id" AS "userId", u."username", u."firstName", u."lastName", u."status", u."passwordChangedAt",
         (SELECT group_concat(ur."roleId") FROM "UserRole" ur WHERE ur."userId" = u."id") AS "roleIds"
  FROM "Session" s JOIN "User" u ON u."id" = s."userId"
  WHERE s."tokenHash" = ?`);

type Row = {
  id: string;
  state: string;
  createdAt: string | number;
  lastSeenAt: string | number;
  expiresAt: string | number;
  userId: string;
  username: string;
  firstName: string;
  lastName: string;
  status: string;
  passwordChangedAt: string | number;
  roleIds: string | null;
};

const time = (v: string | number) => (typeof v === "number" ? v : Date.parse(v));

function cookieValue(header: string | undefined): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i > 0 && part.slice(0, i).trim() === SESSION_COOKIE) return part.slice(i + 1).trim();
  }
  return undefined;
}

const unauthenticated = JSON.stringify({ error: { code: "unauthenticated", message: "Sign in to continue." } });

http
  .createServer(async (req, res) => {
    const token = await readSessionJwt(cookieValue(req.headers.cookie), SESSION_COOKIE);
    const row = token ? (lookup.get(sha256(token)) as Row | undefined) : undefined;
    const now = Date.now();
    const live =
      row &&
      row.state === "active" &&
      time(row.expiresAt) > now &&
      row.status !== "banned" &&
      time(row.passwordChangedAt) <= time(row.createdAt);
    const body = live
      ? JSON.stringify({
          data: {
            id: row.userId,
            username: row.username,
            name: `${row.firstName} ${row.lastName}`,
            roles: row.roleIds ? row.roleIds.split(",") : [],
          },
        })
      : unauthenticated;
    res.writeHead(live ? 200 : 401, { "content-type": "application/json", "cache-control": "no-store" });
    res.end(body);
  })
  .listen(port, "127.0.0.1", () => console.log(`floor listening on 127.0.0.1:${port}`));
