// Rows for `npm run bench:board`, written straight into the app's SQLite file with better-sqlite3 in
// one transaction (well under a second): a Staff account (the board's owner) with an API key
// (board.read, board.write) and a signed-in session whose cookie is minted as the server reads it
// (lib/auth/session-jwt.ts, with the server's AUTH_SECRET), and one board of `cards` cards spread
// evenly over `columns` columns, ordered by fractional-index keys as the app writes them, with
// labels, assignees, due dates, checklist items and comments on some, like a board in use. Dates
// are stored in Prisma's text form so the app reads them as it reads its own.
import { createHash, hkdfSync, randomBytes, randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { generateNKeysBetween } from "fractional-indexing";
import { base64url, calculateJwkThumbprint, EncryptJWT } from "jose";

export type SeededBoard = {
  boardId: string;
  columnIds: string[];
  /** Card ids, column by column in board order. */
  cardIds: string[];
  apiKey: string;
  /** The owner's session cookie (name=value pieces for a browser context). */
  cookie: { name: string; value: string };
  seconds: number;
};

const SESSION_COOKIE = "authjs.session-token";
const prismaDate = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
const sha256 = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");

/** Ids in the app's alphabet (cuid-like: lower-case letter + base36). */
function idMaker(prefix: string) {
  let n = 0;
  return () => `${prefix}${(n++).toString(36).padStart(8, "0")}${randomBytes(8).toString("hex").slice(0, 14)}`;
}

/** The AUTH_SECRET `npm start` runs with: the environment's, else the local file it generated. */
function serverSecret(env: NodeJS.ProcessEnv): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  const file = path.resolve("data", "secrets.json");
  if (!existsSync(file)) throw new Error(`no AUTH_SECRET and no ${file}: start the app first`);
  return (JSON.parse(readFileSync(file, "utf8")) as { AUTH_SECRET: string }).AUTH_SECRET;
}

/** A session cookie value as lib/auth/session-jwt.ts writes it (JWE dir/A256CBC-HS512 over the raw token). */
async function sessionCookieValue(secret: string, token: string): Promise<string> {
  const info = `Auth.js Generated Encryption Key (${SESSION_COOKIE})`;
  const key = new Uint8Array(hkdfSync("sha256", secret, SESSION_COOKIE, info, 64));
  const kid = await calculateJwkThumbprint({ kty: "oct", k: base64url.encode(key) }, "sha512");
  const now = Math.floor(Date.now() / 1000);
  return new EncryptJWT({ sid: token })
    .setProtectedHeader({ alg: "dir", enc: "A256CBC-HS512", kid })
    .setIssuedAt(now)
    .setExpirationTime(now + 6 * 3600)
    .setJti(randomUUID())
    .encrypt(key);
}

export async function seedBoard(
  file: string,
  env: NodeJS.ProcessEnv,
  options: { cards: number; columns: number },
): Promise<SeededBoard> {
  const started = performance.now();
  const db = new Database(file, { fileMustExist: true, timeout: 10_000 });
  db.pragma("journal_mode = WAL");
  const now = Date.now();
  const staff = db.prepare(`SELECT "id" FROM "Role" WHERE "key" = 'staff'`).get() as { id: string } | undefined;
  if (!staff) throw new Error("the seeded database has no staff role");

  const ownerId = "cbenchboardowner0000000000";
  const boardId = "cbenchboard000000000000000";
  const apiKey = `odk_live_${randomBytes(32).toString("base64url")}`;
  const sessionToken = randomBytes(32).toString("base64url");
  const columnIds: string[] = [];
  const cardIds: string[] = [];

  db.transaction(() => {
    db.prepare(
      `INSERT INTO "User" ("id","username","email","firstName","lastName","dateOfBirth","passwordHash","emailVerifiedAt",
        "status","passwordChangedAt","kind","createdAt","updatedAt") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`,
    ).run(
      ownerId,
      "benchboard",
      "board@bench.opsdeck.test",
      "Bench",
      "Boarder",
      prismaDate(Date.UTC(1990, 4, 17)),
      "!no-password",
      prismaDate(now),
      "active",
      prismaDate(now - 86_400_000),
      "person",
      prismaDate(now - 86_400_000),
      prismaDate(now),
    );
    db.prepare(`INSERT INTO "UserRole" ("userId","roleId","createdAt") VALUES (?,?,?)`).run(
      ownerId,
      staff.id,
      prismaDate(now),
    );
    db.prepare(
      `INSERT INTO "ApiKey" ("id","name","prefix","hash","ownerId","createdById","scopes","createdAt") VALUES (?,?,?,?,?,?,?,?)`,
    ).run(
      "cbenchboardkey000000000000",
      "bench board",
      apiKey.slice(0, 17),
      sha256(apiKey),
      ownerId,
      ownerId,
      JSON.stringify(["board.read", "board.write"]),
      prismaDate(now),
    );
    db.prepare(
      `INSERT INTO "Session" ("id","tokenHash","userId","state","remember","ipAddress","userAgent","createdAt","lastSeenAt","expiresAt")
       VALUES (?,?,?,'active',0,'127.0.0.1','opsdeck-bench/1',?,?,?)`,
    ).run(
      "cbenchboardsession00000000",
      sha256(sessionToken),
      ownerId,
      prismaDate(now),
      prismaDate(now),
      prismaDate(now + 6 * 3_600_000),
    );

    db.prepare(
      `INSERT INTO "Board" ("id","name","description","color","swimlanesEnabled","seq","version","createdById","createdAt","updatedAt")
       VALUES (?,?,?,?,0,0,1,?,?,?)`,
    ).run(
      boardId,
      "Bench board",
      `${options.cards} cards over ${options.columns} columns`,
      "indigo",
      ownerId,
      prismaDate(now),
      prismaDate(now),
    );
    db.prepare(`INSERT INTO "BoardMember" ("boardId","userId","role","createdAt") VALUES (?,?,'owner',?)`).run(
      boardId,
      ownerId,
      prismaDate(now),
    );

    const labelIds = ["bug", "feature", "chore", "urgent"].map((name, i) => {
      const id = `cbenchlabel${i}00000000000000`;
      db.prepare(`INSERT INTO "BoardLabel" ("id","boardId","name","color") VALUES (?,?,?,?)`).run(
        id,
        boardId,
        name,
        ["red", "blue", "slate", "amber"][i],
      );
      return id;
    });

    const column = db.prepare(
      `INSERT INTO "BoardColumn" ("id","boardId","name","position","wipMode","version","createdAt","updatedAt") VALUES (?,?,?,?,'soft',1,?,?)`,
    );
    const columnKeys = generateNKeysBetween(null, null, options.columns);
    for (let c = 0; c < options.columns; c++) {
      const id = `cbenchcol${c}0000000000000000`;
      columnIds.push(id);
      column.run(id, boardId, `Column ${c + 1}`, columnKeys[c], prismaDate(now), prismaDate(now));
    }

    const card = db.prepare(
      `INSERT INTO "Card" ("id","boardId","columnId","position","title","description","dueAt","priority","version","createdById","updatedById","createdAt","updatedAt")
       VALUES (?,?,?,?,?,?,?,?,1,?,?,?,?)`,
    );
    const cardLabel = db.prepare(`INSERT INTO "CardLabel" ("cardId","labelId") VALUES (?,?)`);
    const assignee = db.prepare(`INSERT INTO "CardAssignee" ("cardId","userId") VALUES (?,?)`);
    const item = db.prepare(
      `INSERT INTO "ChecklistItem" ("id","cardId","text","done","position","createdAt") VALUES (?,?,?,?,?,?)`,
    );
    const comment = db.prepare(
      `INSERT INTO "CardComment" ("id","cardId","authorId","body","createdAt","updatedAt") VALUES (?,?,?,?,?,?)`,
    );
    const cardId = idMaker("cbc");
    const itemId = idMaker("cbi");
    const commentId = idMaker("cbm");
    const priorities = ["none", "low", "medium", "high", "urgent"];
    const perColumn = Math.ceil(options.cards / options.columns);
    let n = 0;
    for (const colId of columnIds) {
      const keys = generateNKeysBetween(null, null, Math.min(perColumn, options.cards - n));
      for (const key of keys) {
        const id = cardId();
        cardIds.push(id);
        const at = prismaDate(now - (options.cards - n) * 60_000);
        card.run(
          id,
          boardId,
          colId,
          key,
          `Card ${n + 1}: ${["Ship", "Review", "Fix", "Draft", "Plan"][n % 5]} the ${["invoice export", "onboarding email", "stock report", "login page", "refund flow"][n % 5]}`,
          n % 3 === 0 ? `Details of card ${n + 1}, with **Markdown**.` : null,
          n % 4 === 0 ? prismaDate(now + ((n % 30) - 10) * 86_400_000) : null,
          priorities[n % 5],
          ownerId,
          ownerId,
          at,
          at,
        );
        if (n % 2 === 0) cardLabel.run(id, labelIds[n % labelIds.length]);
        if (n % 4 === 1) assignee.run(id, ownerId);
        if (n % 10 === 0) {
          item.run(itemId(), id, "First step", 1, "a0", at);
          item.run(itemId(), id, "Second step", 0, "a1", at);
        }
        if (n % 20 === 0) comment.run(commentId(), id, ownerId, "Looks good to me.", at, at);
        n++;
      }
    }
  })();
  db.exec("ANALYZE");
  db.close();
  return {
    boardId,
    columnIds,
    cardIds,
    apiKey,
    cookie: { name: SESSION_COOKIE, value: await sessionCookieValue(serverSecret(env), sessionToken) },
    seconds: (performance.now() - started) / 1000,
  };
}
