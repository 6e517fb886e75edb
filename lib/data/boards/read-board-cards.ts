// The open cards of one board, lean (BoardCardJson), in ONE statement: the board read's hot path.
// Raw SQL because at thousands of cards the query builder's relation reads (labels, assignees,
// checklist, comment counts, links: a batched query each, joined in JS) cost several times the
// database's own work (npm run bench:board: 4,000 cards ~150 ms through findMany with relations,
// ~25 ms in one statement). Label and assignee ids are aggregated per card, counts are
// subqueries, the description is only tested for presence. Both providers; sorted in JS in byte
// order (byPosition), as everywhere else. A big board's page reads only the first cards of each
// list (readBoardCardHeads), with the counts.
import "server-only";
import { db, dbProvider, type Tx } from "@/lib/db";
import type { BoardCardJson, BoardColor, CardPriority } from "@/lib/validations/board";
import { byPosition } from "@/lib/data/boards/board-json";

type Row = {
  id: string;
  columnId: string;
  laneId: string | null;
  position: string;
  title: string;
  hasDescription: boolean | number | bigint;
  dueAt: Date | string | number | null;
  priority: string;
  coverColor: string | null;
  version: number | bigint;
  customerId: string | null;
  customerName: string | null;
  transactionId: string | null;
  transactionNumber: number | bigint | null;
  labelIds: string | null;
  assigneeIds: string | null;
  checklistTotal: number | bigint;
  checklistDone: number | bigint;
  commentCount: number | bigint;
};

const list = (column: string) =>
  dbProvider === "postgresql" ? `string_agg(${column}, ',')` : `group_concat(${column}, ',')`;
const param = dbProvider === "postgresql" ? "$1" : "?";
const done = dbProvider === "postgresql" ? "true" : "1";

const CARDS_SELECT = `SELECT c."id", c."columnId", c."laneId", c."position", c."title",
  (c."description" IS NOT NULL) AS "hasDescription", c."dueAt", c."priority", c."coverColor", c."version",
  cu."id" AS "customerId", cu."name" AS "customerName", t."id" AS "transactionId", t."number" AS "transactionNumber",
  (SELECT ${list('cl."labelId"')} FROM "CardLabel" cl WHERE cl."cardId" = c."id") AS "labelIds",
  (SELECT ${list('ca."userId"')} FROM "CardAssignee" ca WHERE ca."cardId" = c."id") AS "assigneeIds",
  (SELECT count(*) FROM "ChecklistItem" ci WHERE ci."cardId" = c."id") AS "checklistTotal",
  (SELECT count(*) FROM "ChecklistItem" ci WHERE ci."cardId" = c."id" AND ci."done" = ${done}) AS "checklistDone",
  (SELECT count(*) FROM "CardComment" cc WHERE cc."cardId" = c."id") AS "commentCount"
  FROM "Card" c
  LEFT JOIN "Customer" cu ON cu."id" = c."customerId"
  LEFT JOIN "Transaction" t ON t."id" = c."transactionId"`;

const CARDS_QUERY = `${CARDS_SELECT}
  WHERE c."boardId" = ${param} AND c."archivedAt" IS NULL`;

// Byte order of the keys, as byPosition sorts them (PostgreSQL's default collation is the locale's).
const bytes = dbProvider === "postgresql" ? 'COLLATE "C"' : "COLLATE BINARY";
const perList = dbProvider === "postgresql" ? "$2" : "?";

/**
 * The first cards of every list, in one statement: the open cards ranked within their list (a
 * column, or a column's lane when `byLane`) in board order, those ranked up to the limit read as
 * CARDS_QUERY reads them, and with each the counts of its column, its lane and the board.
 */
const headsQuery = (byLane: boolean) => `WITH ranked AS (
    SELECT c."id",
      row_number() OVER (PARTITION BY c."columnId"${byLane ? ', c."laneId"' : ""} ORDER BY c."position" ${bytes}, c."id" ${bytes}) AS "rank",
      count(*) OVER (PARTITION BY c."columnId") AS "columnCount",
      count(*) OVER (PARTITION BY c."laneId") AS "laneCount",
      count(*) OVER (PARTITION BY c."columnId", c."laneId") AS "listCount",
      count(*) OVER () AS "boardCount"
    FROM "Card" c WHERE c."boardId" = ${param} AND c."archivedAt" IS NULL
  )
  ${CARDS_SELECT.replace('SELECT c."id",', 'SELECT r."columnCount", r."laneCount", r."listCount", r."boardCount", c."id",')}
  JOIN ranked r ON r."id" = c."id"
  WHERE r."rank" <= ${perList}`;
const HEADS_QUERY = { byColumn: headsQuery(false), byLane: headsQuery(true) };

const ids = (text: string | null) => (text ? text.split(",").sort() : []);

function iso(value: Date | string | number): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

function toBoardCard(row: Row): BoardCardJson {
  return {
    id: row.id,
    columnId: row.columnId,
    laneId: row.laneId,
    position: row.position,
    title: row.title,
    hasDescription: Boolean(row.hasDescription),
    dueAt: row.dueAt === null ? null : iso(row.dueAt),
    priority: row.priority as CardPriority,
    coverColor: row.coverColor as BoardColor | null,
    labelIds: ids(row.labelIds),
    assigneeIds: ids(row.assigneeIds),
    checklist: { done: Number(row.checklistDone), total: Number(row.checklistTotal) },
    commentCount: Number(row.commentCount),
    customer: row.customerId ? { id: row.customerId, name: row.customerName ?? "" } : null,
    transaction: row.transactionId ? { id: row.transactionId, number: Number(row.transactionNumber) } : null,
    version: Number(row.version),
  };
}

/** The board's open cards, lean, in board order (the caller has checked access). */
export async function readBoardCards(boardId: string, client: Tx | typeof db = db): Promise<BoardCardJson[]> {
  const rows = await client.$queryRawUnsafe<Row[]>(CARDS_QUERY, boardId);
  return rows.map(toBoardCard).sort(byPosition);
}

/**
 * How many open cards a board has, per column, per lane and in all, and on a board with swimlanes
 * per list, keyed "<columnId>:<laneId>" (a big board's page, while the rest loads: its moves to the
 * end of a list need the list's length).
 */
export type BoardCardCounts = {
  total: number;
  columns: Record<string, number>;
  lanes: Record<string, number>;
  lists?: Record<string, number>;
};

/**
 * The first `perList` open cards of every list of the board (a column, or with swimlanes a
 * column's lane), lean, in board order, and how many open cards there are in all: what a big
 * board's page shows at once, before the rest is read (the caller has checked access).
 */
export async function readBoardCardHeads(
  boardId: string,
  perList: number,
  byLane: boolean,
  client: Tx | typeof db = db,
): Promise<{ cards: BoardCardJson[]; counts: BoardCardCounts }> {
  const rows = await client.$queryRawUnsafe<
    (Row & {
      columnCount: number | bigint;
      laneCount: number | bigint;
      listCount: number | bigint;
      boardCount: number | bigint;
    })[]
  >(byLane ? HEADS_QUERY.byLane : HEADS_QUERY.byColumn, boardId, perList);
  const counts: BoardCardCounts = { total: 0, columns: {}, lanes: {}, ...(byLane ? { lists: {} } : {}) };
  for (const row of rows) {
    counts.total = Number(row.boardCount);
    counts.columns[row.columnId] = Number(row.columnCount);
    if (row.laneId) counts.lanes[row.laneId] = Number(row.laneCount);
    if (counts.lists) counts.lists[`${row.columnId}:${row.laneId ?? "-"}`] = Number(row.listCount);
  }
  return { cards: rows.map(toBoardCard).sort(byPosition), counts };
}
