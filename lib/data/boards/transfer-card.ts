// Moves a card to another board (editor on both): it keeps its fields, drops the labels (they
// belong to the old board) and the assignees who are not members there, and lands at `index` of
// the target column (and lane). Both boards take a change number in the same transaction; the
// old board's viewers see the card leave, the new board's see it arrive. Not undoable (the undo
// log is per board): moving it back is one more move.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError, PreconditionFailedError, ValidationError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { type CardJson, type MoveCardInput } from "@/lib/validations/board";
import { boardAccess, requireBoardRole } from "@/lib/data/boards/board-access";
import { boardWrite } from "@/lib/data/boards/board-write";
import { cardSelect, toCardJson } from "@/lib/data/boards/board-json";
import { assertRoomForCard, checkWipLimits, readCard, resolveLane, siblingsOf } from "@/lib/data/boards/card-record";
import { visibleCard } from "@/lib/data/boards/get-board";
import { keyAt } from "@/lib/data/boards/positions";

export async function transferCard(
  actor: Actor | null,
  boardId: unknown,
  cardId: unknown,
  values: MoveCardInput & { boardId?: string },
  ctx: RequestContext,
  expectedVersion?: number,
): Promise<{ card: CardJson; warnings: string[]; seq: number }> {
  const targetId = values.boardId!;
  const { result, seq } = await boardWrite(
    actor,
    boardId,
    ctx,
    { needs: "editor", secondBoardId: targetId },
    async (tx, access) => {
      // Both boards are locked now: the caller's role there and its state are read under the lock.
      const targetAccess = await boardAccess(actor, targetId, tx).catch((error: unknown) => {
        if (error instanceof NotFoundError) throw new ValidationError({ boardId: ["Choose a board you can edit."] });
        throw error;
      });
      requireBoardRole(actor!, targetAccess, "editor");
      if (targetAccess.archived) throw new ValidationError({ boardId: ["That board is archived."] });
      const current = await readCard(tx, access.boardId, cardId);
      if (expectedVersion !== undefined && current.version !== expectedVersion) throw new PreconditionFailedError();
      if (current.archivedAt) throw new ValidationError({ _form: ["Restore the card before moving it."] });
      const board = await tx.board.findUniqueOrThrow({
        where: { id: targetId },
        select: { id: true, swimlanesEnabled: true },
      });
      const laneId = await resolveLane(tx, board, values.laneId);
      const target = { boardId: targetId, columnId: values.columnId, laneId };
      await assertRoomForCard(tx, targetId);
      const warnings = await checkWipLimits(tx, target, current.id);
      const position = keyAt(await siblingsOf(tx, target, current.id), values.index);
      await tx.cardLabel.deleteMany({ where: { cardId: current.id } });
      await tx.cardAssignee.deleteMany({
        where: {
          cardId: current.id,
          userId: {
            notIn: (await tx.boardMember.findMany({ where: { boardId: targetId }, select: { userId: true } })).map(
              (m) => m.userId,
            ),
          },
        },
      });
      await tx.card.update({
        where: { id: current.id },
        data: {
          boardId: targetId,
          columnId: target.columnId,
          laneId,
          position,
          version: { increment: 1 },
          updatedById: actor!.userId,
        },
      });
      const card = toCardJson(await tx.card.findUniqueOrThrow({ where: { id: current.id }, select: cardSelect }));
      return {
        result: { card, warnings },
        kind: "card.moved",
        cardId: current.id,
        payload: { removedCardIds: [current.id] },
        secondEvent: { kind: "card.moved", payload: { cards: [card] } },
        audit: {
          action: "card.moved",
          targetType: "card",
          targetId: current.id,
          metadata: {
            title: current.title,
            boardIdBefore: access.boardId,
            boardIdAfter: targetId,
            columnIdAfter: card.columnId,
          },
        },
      };
    },
  );
  return { card: visibleCard(actor!, result.card), warnings: result.warnings, seq };
}
