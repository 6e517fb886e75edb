// A new card (editor): at `index` of its column (and lane), default the end; its labels and
// assignees must belong to the board; a hard WIP limit refuses it, a soft one warns.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { RequestContext } from "@/lib/http/request-context";
import { parseOrThrow } from "@/lib/validations/parse";
import { createCardSchema, type CardJson } from "@/lib/validations/board";
import { boardWrite } from "@/lib/data/boards/board-write";
import { cardSelect, toCardJson } from "@/lib/data/boards/board-json";
import {
  assertLinks,
  assertRoomForCard,
  checkWipLimits,
  resolveLane,
  siblingsOf,
  writeCardSets,
} from "@/lib/data/boards/card-record";
import { visibleCard } from "@/lib/data/boards/get-board";
import { keyAt } from "@/lib/data/boards/positions";

export async function createCard(
  actor: Actor | null,
  boardId: unknown,
  input: unknown,
  ctx: RequestContext,
): Promise<{ card: CardJson; warnings: string[]; seq: number }> {
  const values = parseOrThrow(createCardSchema, input);
  const { result, seq } = await boardWrite(actor, boardId, ctx, { needs: "editor" }, async (tx, access) => {
    const board = await tx.board.findUniqueOrThrow({
      where: { id: access.boardId },
      select: { id: true, swimlanesEnabled: true },
    });
    const laneId = await resolveLane(tx, board, values.laneId);
    const target = { boardId: board.id, columnId: values.columnId, laneId };
    await assertRoomForCard(tx, board.id);
    const warnings = await checkWipLimits(tx, target, null);
    await assertLinks(tx, actor!, board.id, values);
    const position = keyAt(await siblingsOf(tx, target, null), values.index ?? Number.MAX_SAFE_INTEGER);
    const created = await tx.card.create({
      data: {
        boardId: board.id,
        columnId: values.columnId,
        laneId,
        position,
        title: values.title,
        description: values.description ?? null,
        dueAt: values.dueAt ?? null,
        priority: values.priority ?? "none",
        coverColor: values.coverColor ?? null,
        customerId: values.customerId ?? null,
        transactionId: values.transactionId ?? null,
        createdById: actor!.userId,
        updatedById: actor!.userId,
      },
      select: { id: true },
    });
    await writeCardSets(tx, created.id, values);
    const card = toCardJson(await tx.card.findUniqueOrThrow({ where: { id: created.id }, select: cardSelect }));
    return {
      result: { card, warnings },
      kind: "card.created",
      cardId: card.id,
      payload: { cards: [card] },
      inverse: { type: "archive", cardId: card.id, archived: true },
      cardVersion: card.version,
      audit: {
        action: "card.created",
        targetType: "card",
        targetId: card.id,
        metadata: { title: card.title, columnId: card.columnId, laneId: card.laneId },
      },
    };
  });
  return { card: visibleCard(actor!, result.card), warnings: result.warnings, seq };
}
