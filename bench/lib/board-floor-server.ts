// The floor for `npm run bench:board`: raw node:http + better-sqlite3 on the app's own database
// file, answering GET /boards/:id as GET /api/v1/boards/{id} does with the same rows and the same
// JSON shape: authenticate the API key (SHA-256, one query for the key, its owner and role ids),
// check membership, read the board, its columns, lanes, labels and members, and every open card in
// ONE query (labels, assignees, checklist and comment counts folded in with subqueries), sorted in
// byte order of the fractional keys. The cards are the lean BoardCard of the app's answer (no
// description, only whether there is one; no timestamps). No framework, no ORM, no permission model, no rate limits.
// Started by bench/board.ts.
import { createHash } from "node:crypto";
import http from "node:http";
import Database from "better-sqlite3";

const file = (process.env.DATABASE_URL ?? "").replace(/^file:/, "");
const port = Number(process.env.FLOOR_PORT);
const db = new Database(file, { fileMustExist: true });
db.pragma("busy_timeout = 5000");

const keyLookup = db.prepare(`SELECT k."revokedAt", k."expiresAt", k."scopes", u."id" AS "userId", u."status"
  FROM "ApiKey" k JOIN "User" u ON u."id" = k."ownerId" WHERE k."hash" = ?`);
const member = db.prepare(`SELECT "role" FROM "BoardMember" WHERE "boardId" = ? AND "userId" = ?`);
const board = db.prepare(
  `SELECT "id","name","description","color","swimlanesEnabled","archivedAt","seq","version" FROM "Board" WHERE "id" = ?`,
);
const columns = db.prepare(
  `SELECT "id","name","position","color","wipLimit","wipMode","version" FROM "BoardColumn" WHERE "boardId" = ?`,
);
const lanes = db.prepare(`SELECT "id","name","position","wipLimit","version" FROM "BoardLane" WHERE "boardId" = ?`);
const labels = db.prepare(`SELECT "id","name","color" FROM "BoardLabel" WHERE "boardId" = ? ORDER BY "name"`);
const members = db.prepare(`SELECT m."role", u."id", u."username", u."firstName", u."lastName"
  FROM "BoardMember" m JOIN "User" u ON u."id" = m."userId" WHERE m."boardId" = ?`);
const cards = db.prepare(`SELECT c."id", c."columnId", c."laneId", c."position", c."title",
    (c."description" IS NOT NULL) AS "hasDescription", c."dueAt", c."priority", c."coverColor", c."version",
    cu."id" AS "customerId", cu."name" AS "customerName", t."id" AS "transactionId", t."number" AS "transactionNumber",
    (SELECT group_concat("labelId") FROM "CardLabel" WHERE "cardId" = c."id") AS "labelIds",
    (SELECT group_concat("userId") FROM "CardAssignee" WHERE "cardId" = c."id") AS "assigneeIds",
    (SELECT count(*) FROM "ChecklistItem" WHERE "cardId" = c."id") AS "checklistTotal",
    (SELECT count(*) FROM "ChecklistItem" WHERE "cardId" = c."id" AND "done" = 1) AS "checklistDone",
    (SELECT count(*) FROM "CardComment" WHERE "cardId" = c."id") AS "commentCount"
  FROM "Card" c LEFT JOIN "Customer" cu ON cu."id" = c."customerId" LEFT JOIN "Transaction" t ON t."id" = c."transactionId"
  WHERE c."boardId" = ? AND c."archivedAt" IS NULL`);

type Row = Record<string, string | number | null>;
const iso = (v: unknown) => (v == null ? null : new Date(String(v)).toISOString());
const ids = (v: unknown) => (v ? String(v).split(",").sort() : []);
const byPosition = (a: Row, b: Row) =>
  a.position !== b.position ? (String(a.position) < String(b.position) ? -1 : 1) : String(a.id) < String(b.id) ? -1 : 1;

function authenticate(req: http.IncomingMessage): string | null {
  const match = /^Bearer (\S+)$/.exec(req.headers.authorization ?? "");
  if (!match) return null;
  const row = keyLookup.get(createHash("sha256").update(match[1]!).digest("hex")) as
    | { userId: string; status: string; revokedAt: string | null; expiresAt: string | null; scopes: string }
    | undefined;
  if (!row || row.revokedAt || row.status !== "active") return null;
  if (row.expiresAt && Date.parse(row.expiresAt) <= Date.now()) return null;
  if (!(JSON.parse(row.scopes) as string[]).includes("board.read")) return null;
  return row.userId;
}

function send(res: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

function boardJson(id: string, role: string) {
  const b = board.get(id) as Row | undefined;
  if (!b) return null;
  return {
    id: b.id,
    name: b.name,
    description: b.description,
    color: b.color,
    swimlanesEnabled: b.swimlanesEnabled === 1,
    archivedAt: iso(b.archivedAt),
    seq: b.seq,
    version: b.version,
    role,
    columns: (columns.all(id) as Row[]).sort(byPosition),
    lanes: (lanes.all(id) as Row[]).sort(byPosition),
    labels: labels.all(id),
    members: (members.all(id) as Row[]).map((m) => ({
      userId: m.id,
      username: m.username,
      name: `${String(m.firstName)} ${String(m.lastName)}`.trim(),
      role: m.role,
    })),
    cards: (cards.all(id) as Row[]).sort(byPosition).map((c) => ({
      id: c.id,
      columnId: c.columnId,
      laneId: c.laneId,
      position: c.position,
      title: c.title,
      hasDescription: c.hasDescription === 1,
      dueAt: iso(c.dueAt),
      priority: c.priority,
      coverColor: c.coverColor,
      labelIds: ids(c.labelIds),
      assigneeIds: ids(c.assigneeIds),
      checklist: { done: c.checklistDone, total: c.checklistTotal },
      commentCount: c.commentCount,
      customer: c.customerId ? { id: c.customerId, name: c.customerName } : null,
      transaction: c.transactionId ? { id: c.transactionId, number: c.transactionNumber } : null,
      version: c.version,
    })),
  };
}

http
  .createServer((req, res) => {
    const userId = authenticate(req);
    if (!userId) return send(res, 401, { code: "unauthenticated" });
    const match = /^\/boards\/([^/?]+)$/.exec(req.url ?? "");
    if (req.method !== "GET" || !match) return send(res, 404, { code: "not_found" });
    const role = (member.get(match[1], userId) as { role: string } | undefined)?.role;
    const data = role ? boardJson(match[1]!, role) : null;
    return data ? send(res, 200, { data }) : send(res, 404, { code: "not_found" });
  })
  .listen(port, "127.0.0.1", () => console.log(`board floor listening on ${port}`));
