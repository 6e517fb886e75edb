// The one way a board changes. In one database transaction: check the caller's role, take the
// board's next change number (`UPDATE Board SET seq = seq + 1`, which also locks the board row on
// PostgreSQL, so writers of one board run one after another and always see each other's
// positions), run the change, append its BoardEvent (what live viewers apply and undo replays)
// and its audit event. A change that throws leaves nothing: no number used, no event, no audit.
// After the commit, viewers are signalled (lib/realtime/board-bus.ts).
import "server-only";
import { audit, type AuditValue } from "@/lib/audit/audit";
import type { AuditAction } from "@/lib/audit/actions";
import type { Actor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { requirePermission } from "@/lib/rbac/can";
import { boardEntityIdSchema } from "@/lib/validations/board";
import type { RequestContext } from "@/lib/http/request-context";
import { signalAfterCommit, signalInTransaction } from "@/lib/realtime/board-bus";
import { toBoardCard } from "@/lib/data/boards/board-json";
import { BOARD_NOT_FOUND, boardAccess, requireBoardRole, type BoardAccess } from "@/lib/data/boards/board-access";
import type { BoardChangePayload, BoardEventKind, BoardInverse } from "@/lib/data/boards/board-events";

export type BoardChange<T> = {
  result: T;
  kind: BoardEventKind;
  /** What viewers apply: upserted and removed cards, columns, lanes, labels, members, board fields. */
  payload: BoardChangePayload;
  cardId?: string | null;
  /** How to undo it (card changes only), valid while the card is at `cardVersion`. */
  inverse?: BoardInverse | null;
  cardVersion?: number | null;
  audit: {
    action: AuditAction;
    targetType: string;
    targetId: string;
    /** The target's name, for deletions (the audit helper's lookup finds nothing once the row is gone). */
    targetName?: string | null;
    metadata?: Record<string, AuditValue>;
  };
  /** The event of the second board of a change that spans two (a card moved to another board). */
  secondEvent?: { kind: BoardEventKind; payload: BoardChangePayload };
};

export type BoardWriteOptions = {
  /** "editor" for cards, columns, lanes and labels; "owner" for the board's settings, archiving and members. */
  needs: "editor" | "owner";
  /** Restoring an archived board is the one write an archived board takes. */
  allowArchived?: boolean;
  /** A second board the change writes to (the caller checked access to it): locked too, in id order. */
  secondBoardId?: string;
};

/** Runs `change` as one change of the board; returns its result and change number. */
export async function boardWrite<T>(
  actor: Actor | null,
  boardId: unknown,
  ctx: RequestContext,
  options: BoardWriteOptions,
  change: (tx: Tx, access: BoardAccess, seq: number) => Promise<BoardChange<T>>,
): Promise<{ result: T; seq: number }> {
  const signals: { boardId: string; seq: number }[] = [];
  requirePermission(actor, "board.read");
  const id = boardEntityIdSchema.safeParse(boardId);
  if (!id.success) throw new NotFoundError(BOARD_NOT_FOUND);
  const done = await db.$transaction(async (tx) => {
    // Lock first (both boards' rows in id order, so two cross-board moves cannot deadlock), then
    // decide access under the lock: a member removed or a board archived a moment ago counts.
    const seqs = new Map<string, number>();
    for (const lockId of [...new Set([id.data, options.secondBoardId ?? id.data])].sort()) {
      const second = lockId !== id.data;
      seqs.set(
        lockId,
        await takeChangeNumber(tx, lockId).catch((error: unknown) => {
          // The other board of a two-board change is named in the body: a field error, the same
          // as for a board that exists but is not the caller's to edit.
          if (second && error instanceof NotFoundError) {
            throw new ValidationError({ boardId: ["Choose a board you can edit."] });
          }
          throw error;
        }),
      );
    }
    const access = await boardAccess(actor, id.data, tx);
    requireBoardRole(actor, access, options.needs);
    if (access.archived && !options.allowArchived) {
      throw new ConflictError("This board is archived. Restore it to make changes.");
    }
    const seq = seqs.get(access.boardId)!;
    const made = await change(tx, access, seq);
    const events = [{ boardId: access.boardId, seq, kind: made.kind, payload: made.payload, own: true }];
    if (options.secondBoardId && options.secondBoardId !== access.boardId) {
      // Every number taken gets its event (gap-free), even if the change had nothing to say there.
      const second = made.secondEvent ?? { kind: made.kind, payload: { reload: true } };
      events.push({ boardId: options.secondBoardId, seq: seqs.get(options.secondBoardId)!, ...second, own: false });
    }
    for (const event of events) {
      await appendBoardEvent(tx, {
        boardId: event.boardId,
        seq: event.seq,
        kind: event.kind,
        actorId: actor.userId,
        cardId: made.cardId ?? null,
        payload: event.payload,
        inverse: event.own ? (made.inverse ?? null) : null,
        cardVersion: event.own ? (made.cardVersion ?? null) : null,
      });
      signals.push({ boardId: event.boardId, seq: event.seq });
    }
    await audit(
      {
        ...made.audit,
        actorId: actor.userId,
        metadata: { boardId: access.boardId, ...made.audit.metadata },
        context: ctx,
      },
      tx,
    );
    return { result: made.result, seq };
  });
  for (const signal of signals) signalAfterCommit(signal);
  return done;
}

/** Writes the BoardEvent of change number `seq` (taken by the caller in this transaction) and signals it. */
export async function appendBoardEvent(
  tx: Tx,
  event: {
    boardId: string;
    seq: number;
    kind: BoardEventKind;
    actorId: string | null;
    cardId?: string | null;
    payload: BoardChangePayload;
    inverse?: BoardInverse | null;
    cardVersion?: number | null;
  },
): Promise<void> {
  await tx.boardEvent.create({
    data: {
      ...event,
      cardId: event.cardId ?? null,
      // Viewers hold lean cards: the event carries those, never a description.
      payload: JSON.stringify(
        event.payload.cards ? { ...event.payload, cards: event.payload.cards.map(toBoardCard) } : event.payload,
      ),
      inverse: event.inverse ? JSON.stringify(event.inverse) : null,
      cardVersion: event.cardVersion ?? null,
    },
  });
  await signalInTransaction(tx, { boardId: event.boardId, seq: event.seq });
}

/** Takes the board's next change number, locking its row until the transaction ends; 404 if it is gone. */
export async function takeChangeNumber(tx: Tx, boardId: string): Promise<number> {
  try {
    const row = await tx.board.update({
      where: { id: boardId },
      data: { seq: { increment: 1 } },
      select: { seq: true },
    });
    return row.seq;
  } catch (error) {
    // P2025: no such board (deleted meanwhile, or never there).
    if ((error as { code?: string } | null)?.code === "P2025") throw new NotFoundError(BOARD_NOT_FOUND);
    throw error;
  }
}
