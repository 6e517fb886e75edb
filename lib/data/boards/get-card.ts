// One card with what its dialog shows (members of the board, and board.manage): the card, its
// checklist in order, its comments oldest first (each saying whether the caller may delete it) and
// its history newest first, read from the audit log (events whose target is the card: created,
// moved, changed, archived, commented… by whom and when). The board's members and labels come
// with the board (get-board.ts).
import "server-only";
import { auditLabel } from "@/lib/audit/actions";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { can } from "@/lib/rbac/can";
import type { CardCommentJson, CardDetailJson, CardHistoryEntryJson, ChecklistItemJson } from "@/lib/validations/board";
import { boardAccess, canEditBoard, type BoardAccess } from "@/lib/data/boards/board-access";
import { byPosition, personName } from "@/lib/data/boards/board-json";
import { readCard } from "@/lib/data/boards/card-record";
import { visibleCard } from "@/lib/data/boards/get-board";

/** The newest this-many events of the card's history are shown. */
export const CARD_HISTORY_LIMIT = 100;

/**
 * Identities of the request behind an event (for the audit views, not a card's history), and
 * comment excerpts (the comments list shows live comments; a deleted one stays gone here).
 */
const PRIVATE_METADATA = new Set(["impersonatorId", "apiKeyId", "excerpt"]);

/** The newest this-many comments are shown. */
export const CARD_COMMENTS_LIMIT = 500;

export const checklistSelect = { id: true, text: true, done: true, position: true } as const;

/** May the caller delete a comment: its author while they may edit the board, or an owner. */
export function canDeleteComment(actor: Actor, access: BoardAccess, comment: { authorId: string | null }): boolean {
  if (!canEditBoard(actor, access.role)) return false;
  return comment.authorId === actor.userId || access.role === "owner" || access.role === "manager";
}

export async function getCard(actor: Actor | null, boardId: unknown, cardId: unknown): Promise<CardDetailJson> {
  const access = await boardAccess(actor, boardId);
  const card = await readCard(db, access.boardId, cardId);
  const [checklist, comments, events] = await Promise.all([
    db.checklistItem.findMany({ where: { cardId: card.id }, select: checklistSelect }),
    listComments(actor!, access, card.id),
    db.auditEvent.findMany({
      where: { targetType: "card", targetId: card.id },
      orderBy: { seq: "desc" },
      take: CARD_HISTORY_LIMIT,
      select: { id: true, action: true, actorId: true, createdAt: true, metadata: true },
    }),
  ]);
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((id): id is string => id !== null))];
  const people = new Map(
    (
      await db.user.findMany({
        where: { id: { in: actorIds } },
        select: { id: true, firstName: true, lastName: true, username: true },
      })
    ).map((u) => [u.id, personName(u)]),
  );
  const history: CardHistoryEntryJson[] = events.map((e) => ({
    id: e.id,
    action: e.action,
    label: auditLabel(e.action),
    actorName: e.actorId ? (people.get(e.actorId) ?? "Deleted user") : null,
    createdAt: e.createdAt.toISOString(),
    metadata: publicMetadata(actor!, e.metadata),
  }));
  return {
    card: visibleCard(actor!, card),
    checklist: checklist.sort(byPosition) satisfies ChecklistItemJson[],
    comments,
    history,
  };
}

/** The card's comments, oldest first. */
export async function listComments(actor: Actor, access: BoardAccess, cardId: string): Promise<CardCommentJson[]> {
  const rows = await db.cardComment.findMany({
    where: { cardId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: CARD_COMMENTS_LIMIT,
    select: {
      id: true,
      body: true,
      createdAt: true,
      authorId: true,
      author: { select: { id: true, firstName: true, lastName: true, username: true } },
    },
  });
  return rows.reverse().map((c) => toCommentJson(actor, access, c));
}

export function toCommentJson(
  actor: Actor,
  access: BoardAccess,
  row: {
    id: string;
    body: string;
    createdAt: Date;
    authorId: string | null;
    author: { id: string; firstName: string; lastName: string; username: string } | null;
  },
): CardCommentJson {
  return {
    id: row.id,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
    author: row.author ? { id: row.author.id, name: personName(row.author) } : null,
    canDelete: canDeleteComment(actor, access, row),
  };
}

/** Links to records the caller may not read are left out, as on the card itself (visibleCard). */
function publicMetadata(actor: Actor, text: string): Record<string, unknown> {
  const hidden = (key: string) =>
    PRIVATE_METADATA.has(key) ||
    (key.startsWith("customerId") && !can(actor, "customers.read")) ||
    (key.startsWith("transactionId") && !can(actor, "transactions.read"));
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {};
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return {};
  const entries = Object.entries(parsed).filter(([k]) => !hidden(k));
  if (Array.isArray((parsed as { changed?: unknown }).changed)) {
    const changed = ((parsed as { changed: string[] }).changed ?? []).filter((k) => !hidden(k));
    return Object.fromEntries([...entries.filter(([k]) => k !== "changed"), ["changed", changed]]);
  }
  return Object.fromEntries(entries);
}
