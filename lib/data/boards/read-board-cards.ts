// The open cards of one board, lean (BoardCardJson), in ONE statement: the board read's hot path.
// Raw SQL because at thousands of cards the query builder's relation reads (labels, assignees,
// checklist, comment counts, links: a batched query each, joined in JS) cost several times the
// database's own work (npm run bench:board: 4,000 cards ~150 ms through findMany with relations,
// ~25 ms in one statement). Label and assignee ids are aggregated per card, counts are
// subqueries, the description is only tested for presence. Both providers; sorted in JS in byte
// order (byPosition), as everywhere else.
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

const CARDS_QUERY = `SELECT c."id", c."columnId", c."laneId", c."position", c."title",
  (c."description" IS NOT NULL) AS "hasDescription", c."dueAt", c."priority", c."coverColor", c."version",
  cu."id" AS "customerId", cu."name" AS "customerName", t."id" AS "transactionId", t."number" AS "transactionNumber",
  (SELECT ${list('cl."labelId"')} FROM "CardLabel" cl WHERE cl."cardId" = c."id") AS "labelIds",
  (SELECT ${list('ca."userId"')} FROM "CardAssignee" ca WHERE ca."cardId" = c."id") AS "assigneeIds",
  (SELECT count(*) FROM "ChecklistItem" ci WHERE ci."cardId" = c."id") AS "checklistTotal",
  (SELECT count(*) FROM "ChecklistItem" ci WHERE ci."cardId" = c."id" AND ci."done" = ${done}) AS "checklistDone",
  (SELECT count(*) FROM "CardComment" cc WHERE cc."cardId" = c."id") AS "commentCount"
  FROM "Card" c
  LEFT JOIN "Customer" cu ON cu."id" = c."customerId"
  LEFT JOIN "Transaction" t ON t."id" = c."transactionId"
  WHERE c."boardId" = ${param} AND c."archivedAt" IS NULL`;

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
