// The board's operation log (BoardEvent rows): what each change carries for live viewers, how a
// card change is undone, and reading the events after a change number (catch-up of a viewer's
// event stream; a gap means the viewer reloads the board).
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { boardAccess } from "@/lib/data/boards/board-access";
import { visibleCard } from "@/lib/data/boards/get-board";
import type { BoardChangePayload, BoardEventJson, BoardEventKind, CardPriority } from "@/lib/validations/board";

export type { BoardChangePayload, BoardEventJson, BoardEventKind };

/** The card's fields an edit can change, as they were before it (what undo restores). */
export type CardFieldsSnapshot = {
  title: string;
  description: string | null;
  dueAt: string | null;
  priority: CardPriority;
  coverColor: string | null;
  labelIds: string[];
  assigneeIds: string[];
  customerId: string | null;
  transactionId: string | null;
};

export type BoardInverse =
  | { type: "move"; cardId: string; columnId: string; laneId: string | null; position: string }
  | { type: "update"; cardId: string; before: Partial<CardFieldsSnapshot> }
  | { type: "archive"; cardId: string; archived: boolean };

/** At most this many events, and this many bytes of them, are replayed; further behind, the viewer reloads. */
export const BOARD_EVENTS_CATCH_UP = 200;
export const BOARD_EVENTS_CATCH_UP_BYTES = 1_000_000;

/**
 * The board's events after `afterSeq`, oldest first (board.read and membership). `behind` is true
 * when more than BOARD_EVENTS_CATCH_UP happened since: the caller reloads instead.
 */
export async function listBoardEvents(
  actor: Actor | null,
  boardId: unknown,
  afterSeq: number,
): Promise<{ seq: number; events: BoardEventJson[]; behind: boolean }> {
  const access = await boardAccess(actor, boardId);
  const rows = await db.boardEvent.findMany({
    where: { boardId: access.boardId, seq: { gt: afterSeq } },
    orderBy: { seq: "asc" },
    take: BOARD_EVENTS_CATCH_UP + 1,
    select: { seq: true, kind: true, actorId: true, cardId: true, payload: true, createdAt: true },
  });
  const bytes = rows.reduce((sum, r) => sum + r.payload.length, 0);
  const behind = rows.length > BOARD_EVENTS_CATCH_UP || bytes > BOARD_EVENTS_CATCH_UP_BYTES;
  const events = (behind ? [] : rows).map((r) => {
    const payload = JSON.parse(r.payload) as BoardChangePayload;
    if (payload.cards) payload.cards = payload.cards.map((c) => visibleCard(actor!, c));
    return {
      seq: r.seq,
      kind: r.kind as BoardEventKind,
      actorId: r.actorId,
      cardId: r.cardId,
      payload,
      createdAt: r.createdAt.toISOString(),
    };
  });
  const last = behind
    ? ((await db.board.findUnique({ where: { id: access.boardId }, select: { seq: true } }))?.seq ?? afterSeq)
    : (rows.at(-1)?.seq ?? afterSeq);
  return { seq: last, events, behind };
}
