// Archiving, restoring and deleting a board (owners, and board.manage). An archived board is read
// only (board-write.ts refuses its changes) and listed apart; restoring is the one write it takes.
// Only an archived board is deleted, so deleting is always two deliberate steps; it goes with
// everything on it (cards, their checklists and comments, columns, lanes, labels, members, its
// change log). The audit row keeps its name, as nothing else will.
import "server-only";
import { audit } from "@/lib/audit/audit";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { ConflictError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { signalAfterCommit, signalInTransaction } from "@/lib/realtime/board-bus";
import type { BoardSettingsJson } from "@/lib/validations/board";
import { boardAccess, requireBoardRole } from "@/lib/data/boards/board-access";
import { boardWrite } from "@/lib/data/boards/board-write";
import { boardSettingsSelect, toBoardSettingsJson } from "@/lib/data/boards/update-board";

export async function setBoardArchived(
  actor: Actor | null,
  boardId: unknown,
  archived: boolean,
  ctx: RequestContext,
): Promise<{ board: BoardSettingsJson; seq: number }> {
  const { result, seq } = await boardWrite(
    actor,
    boardId,
    ctx,
    { needs: "owner", allowArchived: !archived },
    async (tx, access) => {
      let row = await tx.board.findUniqueOrThrow({ where: { id: access.boardId }, select: boardSettingsSelect });
      if ((row.archivedAt !== null) !== archived) {
        row = await tx.board.update({
          where: { id: row.id },
          data: { archivedAt: archived ? new Date() : null, version: { increment: 1 } },
          select: boardSettingsSelect,
        });
      }
      const board = toBoardSettingsJson(row);
      return {
        result: board,
        kind: "board.updated",
        payload: { board: { archivedAt: board.archivedAt, version: board.version } },
        audit: {
          action: archived ? "board.archived" : "board.restored",
          targetType: "board",
          targetId: board.id,
          metadata: { name: board.name },
        },
      };
    },
  );
  return { board: result, seq };
}

/**
 * Deletes an archived board (409 otherwise). Not a board change like the others: there is no
 * board left to log it on, so it is its own transaction, with the audit row, and viewers still
 * connected are signalled the next change number, whose read then answers 404.
 */
export async function deleteBoard(
  actor: Actor | null,
  boardId: unknown,
  ctx: RequestContext,
): Promise<{ boardId: string }> {
  const signal = await db.$transaction(async (tx) => {
    const access = await boardAccess(actor, boardId, tx);
    requireBoardRole(actor!, access, "owner");
    // Taking the change number locks the board row, so no write of the board runs alongside.
    const board = await tx.board.update({
      where: { id: access.boardId },
      data: { seq: { increment: 1 } },
      select: { id: true, name: true, seq: true, archivedAt: true, _count: { select: { cards: true } } },
    });
    if (!board.archivedAt) throw new ConflictError("Archive the board before deleting it.");
    // Cards first: they hold their column and lane (which refuse to go while cards point at them).
    await tx.card.deleteMany({ where: { boardId: board.id } });
    await tx.board.delete({ where: { id: board.id } });
    await audit(
      {
        action: "board.deleted",
        actorId: actor!.userId,
        targetType: "board",
        targetId: board.id,
        targetName: board.name,
        metadata: { boardId: board.id, name: board.name, cards: board._count.cards },
        context: ctx,
      },
      tx,
    );
    const done = { boardId: board.id, seq: board.seq };
    await signalInTransaction(tx, done);
    return done;
  });
  signalAfterCommit(signal);
  return { boardId: signal.boardId };
}
