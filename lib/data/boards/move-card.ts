// Moves a card (editor) to `index` of a (column, lane), on its board or on another board the
// caller edits. One card row is written: its new fractional key lies between its new neighbours,
// read under the board's change lock (board-write.ts), so concurrent moves serialise and every
// viewer converges on the same order. Entering a column or lane at a hard WIP limit is refused;
// at a soft one the move is made and a warning returned. The move can be undone while nobody has
// changed the card since.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db";
import { PreconditionFailedError, ValidationError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { parseOrThrow } from "@/lib/validations/parse";
import { moveCardSchema, type CardJson } from "@/lib/validations/board";
import { boardWrite } from "@/lib/data/boards/board-write";
import { cardSelect, toCardJson } from "@/lib/data/boards/board-json";
import { checkWipLimits, readCard, resolveLane, siblingsOf } from "@/lib/data/boards/card-record";
import { visibleCard } from "@/lib/data/boards/get-board";
import { keyAt, keyNear, LONG_KEY } from "@/lib/data/boards/positions";
import { scheduleRebalance } from "@/lib/data/boards/rebalance-positions";
import { transferCard } from "@/lib/data/boards/transfer-card";

export type MoveResult = { card: CardJson; warnings: string[]; seq: number };

export async function moveCard(
  actor: Actor | null,
  boardId: unknown,
  cardId: unknown,
  input: unknown,
  ctx: RequestContext,
  expectedVersion?: number,
): Promise<MoveResult> {
  const values = parseOrThrow(moveCardSchema, input);
  if (values.boardId !== undefined && values.boardId !== boardId) {
    return transferCard(actor, boardId, cardId, values, ctx, expectedVersion);
  }
  const { result, seq } = await boardWrite(actor, boardId, ctx, { needs: "editor" }, async (tx, access) => {
    const current = await readCard(tx, access.boardId, cardId);
    if (expectedVersion !== undefined && current.version !== expectedVersion) throw new PreconditionFailedError();
    if (current.archivedAt) throw new ValidationError({ _form: ["Restore the card before moving it."] });
    const moved = await placeCard(tx, current, {
      columnId: values.columnId,
      laneId: values.laneId,
      index: values.index,
    });
    return {
      result: { card: moved.card, warnings: moved.warnings },
      kind: "card.moved",
      cardId: current.id,
      payload: { cards: [moved.card] },
      inverse: {
        type: "move",
        cardId: current.id,
        columnId: current.columnId,
        laneId: current.laneId,
        position: current.position,
      },
      cardVersion: moved.card.version,
      audit: {
        action: "card.moved",
        targetType: "card",
        targetId: current.id,
        metadata: {
          title: current.title,
          columnIdBefore: current.columnId,
          columnIdAfter: moved.card.columnId,
          laneIdBefore: current.laneId,
          laneIdAfter: moved.card.laneId,
          index: values.index,
        },
      },
    };
  });
  if (result.card.position.length > LONG_KEY) scheduleRebalance(result.card.boardId);
  return { card: visibleCard(actor!, result.card), warnings: result.warnings, seq };
}

/**
 * Puts the card at `index` of the target list (on the card's board): checks the target belongs to
 * the board and its limits when the card enters it, writes the one row.
 */
export async function placeCard(
  tx: Tx,
  current: CardJson,
  to:
    | { columnId: string; laneId?: string | null; index: number }
    | { columnId: string; laneId: string | null; position: string },
): Promise<{ card: CardJson; warnings: string[] }> {
  const board = await tx.board.findUniqueOrThrow({
    where: { id: current.boardId },
    select: { id: true, swimlanesEnabled: true },
  });
  const laneId = await resolveLane(tx, board, to.laneId ?? (to.columnId === current.columnId ? current.laneId : null));
  const target = { boardId: board.id, columnId: to.columnId, laneId };
  const entering = target.columnId !== current.columnId || target.laneId !== current.laneId;
  // Entering a list checks that it is this board's (a 422 otherwise) and its limits; reordering
  // within a full list is always allowed.
  const warnings = entering ? await checkWipLimits(tx, target, current.id) : [];
  const siblings = await siblingsOf(tx, target, current.id);
  const position = "position" in to ? keyNear(siblings, to.position) : keyAt(siblings, to.index);
  await tx.card.update({
    where: { id: current.id },
    data: { columnId: target.columnId, laneId: target.laneId, position, version: { increment: 1 } },
  });
  const card = toCardJson(await tx.card.findUniqueOrThrow({ where: { id: current.id }, select: cardSelect }));
  return { card, warnings };
}
